import {
  Calendar,
  Checked,
  ChatDotRound,
  Connection,
  DataAnalysis,
  Document,
  EditPen,
  HomeFilled,
  Lock,
  OfficeBuilding,
  Stamp,
  Warning,
  TrendCharts,
} from '@element-plus/icons-vue';
import type { Component } from 'vue';
import type { SectionKey } from '@/router/sections';

export const sectionIcons: Record<SectionKey, Component> = {
  home: HomeFilled,
  calendar: Calendar,
  posts: EditPen,
  review: Stamp,
  inbox: ChatDotRound,
  topics: TrendCharts,
  dashboard: DataAnalysis,
  quotas: Checked,
  reports: Document,
  channels: Connection,
  organization: OfficeBuilding,
  safety: Warning,
  audit: Lock,
};
