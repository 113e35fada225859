import accounts from './accounts';
import audit from './audit';
import auth from './auth';
import common from './common';
import home from './home';
import layout from './layout';
import organization from './organization';
import sections from './sections';

const zhCN = { common, auth, layout, sections, home, organization, audit, accounts };
export default zhCN;
export type MessageSchema = typeof zhCN;
