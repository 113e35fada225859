import accounts from './accounts';
import audit from './audit';
import calendar from './calendar';
import auth from './auth';
import charts from './charts';
import columnQuotas from './column-quotas';
import common from './common';
import dashboard from './dashboard';
import home from './home';
import layout from './layout';
import organization from './organization';
import posts from './posts';
import review from './review';
import safety from './safety';
import screen from './screen';
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
  columnQuotas,
  safety,
  charts,
  dashboard,
  screen,
};
export default zhCN;
export type MessageSchema = typeof zhCN;
