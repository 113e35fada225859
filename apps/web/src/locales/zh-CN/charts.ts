/** What every chart offers. */
export default {
  savePng: '保存为图片',
};
