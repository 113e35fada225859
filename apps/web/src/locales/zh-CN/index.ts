import accounts from './accounts';
import audit from './audit';
import calendar from './calendar';
import auth from './auth';
import common from './common';
import home from './home';
import layout from './layout';
import organization from './organization';
import posts from './posts';
import review from './review';
import safety from './safety';
import sections from './sections';

const zhCN = {
  common,
  auth,
  layout,
  sections,
  home,
  organization,
  audit,
  accounts,
  posts,
  review,
  calendar,
  safety,
};
export default zhCN;
export type MessageSchema = typeof zhCN;
