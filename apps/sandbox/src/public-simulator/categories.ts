// Vocabulary of the simulated public: what kind of message (category, as the inbox classifies cases)
// and what it is about (topic, the police business areas a city bureau answers for).
export const CATEGORIES = [
  'consult',
  'help',
  'complaint',
  'report',
  'suggestion',
  'praise',
  'chatter',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  praise: '表扬',
  chatter: '其他',
};

export const TOPICS = [
  'huji',
  'crj',
  'traffic',
  'vehicle',
  'fraud',
  'security',
  'fire',
  'cyber',
  'drugs',
  'general',
] as const;
export type Topic = (typeof TOPICS)[number];

export const TOPIC_LABELS: Record<Topic, string> = {
  huji: '户籍',
  crj: '出入境',
  traffic: '交通违法',
  vehicle: '车驾管',
  fraud: '反诈',
  security: '治安',
  fire: '消防',
  cyber: '网络安全',
  drugs: '禁毒',
  general: '综合',
};
