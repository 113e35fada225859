// The on-disk state of the sandbox: one SQLite file, so that state survives restarts and the bench can
// push thousands of publications a minute through it. Times are epoch milliseconds; Weibo ids are int64
// INTEGERs read back as text (CAST) because they exceed 2^53.
export const SCHEMA_VERSION = 1;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  config TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (platform, key)
);

CREATE TABLE IF NOT EXISTS tokens (
  token TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  issued_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS tokens_account ON tokens (account_id, kind);

CREATE TABLE IF NOT EXISTS oauth_codes (
  code TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  redirect_uri TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS counters (
  bucket TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS faults (id INTEGER PRIMARY KEY, rule TEXT NOT NULL, hits INTEGER NOT NULL DEFAULT 0,
  fired INTEGER NOT NULL DEFAULT 0);

CREATE TABLE IF NOT EXISTS ledger (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  external_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  origin TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  title TEXT,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  norm_hash TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ledger_account ON ledger (account_id, origin, norm_hash);
CREATE INDEX IF NOT EXISTS ledger_external ON ledger (platform, external_id);

CREATE TABLE IF NOT EXISTS rejections (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  code TEXT NOT NULL,
  norm_hash TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS wb_users (uid TEXT PRIMARY KEY, screen_name TEXT NOT NULL, profile TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS wb_statuses (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  source TEXT NOT NULL,
  retweeted_id INTEGER,
  pic_id TEXT,
  mention_uid TEXT,
  reposts INTEGER NOT NULL DEFAULT 0,
  comments INTEGER NOT NULL DEFAULT 0,
  attitudes INTEGER NOT NULL DEFAULT 0,
  reads INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0,
  rip TEXT
);
CREATE INDEX IF NOT EXISTS wb_statuses_uid ON wb_statuses (uid, id);
CREATE INDEX IF NOT EXISTS wb_statuses_rt ON wb_statuses (retweeted_id, id);
CREATE INDEX IF NOT EXISTS wb_statuses_mention ON wb_statuses (mention_uid, id);
CREATE INDEX IF NOT EXISTS wb_statuses_text ON wb_statuses (uid, text);

-- statuses_count per user, kept with every insert and delete (counting rows per request is too slow).
CREATE TABLE IF NOT EXISTS wb_counts (uid TEXT PRIMARY KEY, statuses INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS wb_comments (
  id INTEGER PRIMARY KEY,
  status_id INTEGER NOT NULL,
  status_uid TEXT NOT NULL,
  uid TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  source TEXT NOT NULL,
  reply_to_id INTEGER,
  reply_to_uid TEXT,
  mention_uid TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS wb_comments_status ON wb_comments (status_id, id);
CREATE INDEX IF NOT EXISTS wb_comments_owner ON wb_comments (status_uid, id);
CREATE INDEX IF NOT EXISTS wb_comments_author ON wb_comments (uid, id);
CREATE INDEX IF NOT EXISTS wb_comments_reply ON wb_comments (reply_to_uid, id);
CREATE INDEX IF NOT EXISTS wb_comments_mention ON wb_comments (mention_uid, id);

CREATE TABLE IF NOT EXISTS media (
  media_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  type TEXT NOT NULL,
  mime TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  permanent INTEGER NOT NULL,
  url TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS wx_drafts (
  media_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  articles TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'draft'
);

CREATE TABLE IF NOT EXISTS wx_publish (
  publish_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  media_id TEXT,
  msg_data_id TEXT NOT NULL UNIQUE,
  msg_id TEXT,
  article_id TEXT UNIQUE,
  articles TEXT NOT NULL,
  submitted_at INTEGER NOT NULL,
  finish_at INTEGER NOT NULL,
  outcome INTEGER NOT NULL,
  fail_idx TEXT NOT NULL DEFAULT '[]',
  deleted_idx TEXT NOT NULL DEFAULT '[]',
  comments_open TEXT NOT NULL DEFAULT '[]',
  notified INTEGER NOT NULL DEFAULT 0,
  original INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS wx_publish_account ON wx_publish (account_id, submitted_at);

CREATE TABLE IF NOT EXISTS wx_comments (
  msg_data_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  user_comment_id INTEGER NOT NULL,
  account_id TEXT NOT NULL,
  openid TEXT NOT NULL,
  content TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  elected INTEGER NOT NULL DEFAULT 0,
  reply_content TEXT,
  reply_time INTEGER,
  deleted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (msg_data_id, idx, user_comment_id)
);

CREATE TABLE IF NOT EXISTS wx_article_daily (
  msg_data_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  ref_date TEXT NOT NULL,
  account_id TEXT NOT NULL,
  read_user INTEGER NOT NULL DEFAULT 0,
  read_count INTEGER NOT NULL DEFAULT 0,
  share_user INTEGER NOT NULL DEFAULT 0,
  share_count INTEGER NOT NULL DEFAULT 0,
  fav_user INTEGER NOT NULL DEFAULT 0,
  fav_count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (msg_data_id, idx, ref_date)
);
CREATE INDEX IF NOT EXISTS wx_article_daily_account ON wx_article_daily (account_id, ref_date);

CREATE TABLE IF NOT EXISTS wx_messages (
  msg_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  openid TEXT NOT NULL,
  xml TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  delivered INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_result TEXT
);

CREATE TABLE IF NOT EXISTS portal_articles (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL,
  column_code TEXT NOT NULL,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  summary TEXT,
  author TEXT,
  source TEXT,
  client_ref TEXT,
  published_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS portal_articles_column ON portal_articles (account_id, column_code, published_at);
CREATE UNIQUE INDEX IF NOT EXISTS portal_articles_ref ON portal_articles (account_id, client_ref);

CREATE TABLE IF NOT EXISTS portal_letters (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL,
  category TEXT NOT NULL,
  topic TEXT NOT NULL,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  submitted_at INTEGER NOT NULL,
  reply TEXT,
  reply_department TEXT,
  replied_at INTEGER
);
CREATE INDEX IF NOT EXISTS portal_letters_account ON portal_letters (account_id, id);

CREATE TABLE IF NOT EXISTS portal_pageviews (
  account_id TEXT NOT NULL,
  ref_date TEXT NOT NULL,
  article_id INTEGER NOT NULL,
  views INTEGER NOT NULL,
  PRIMARY KEY (account_id, ref_date, article_id)
);
`;
