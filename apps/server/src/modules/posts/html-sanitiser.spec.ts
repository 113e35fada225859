import { describe, expect, it } from 'vitest';
import { sanitiseHtml } from './html-sanitiser';

// What Word (and WPS, which copies its format) put on the clipboard for two short paragraphs.
const WORD_PASTE = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'><b><span lang=EN-US style='font-size:16.0pt;font-family:"方正小标宋简体";mso-bidi-font-family:"Times New Roman"'>关于开展夏季治安打击整治行动的通报</span></b><o:p></o:p></p>
<p class=MsoNormal style='text-indent:2em;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312'>各分局：近期，全市<font color=red>治安形势</font>总体平稳。<o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<!--EndFragment-->
</body></html>`;

describe('sanitiseHtml', () => {
  it('cleans a Word/WPS paste down to the text and its structure', () => {
    expect(sanitiseHtml(WORD_PASTE)).toBe(
      '<p style="text-align:center"><strong>关于开展夏季治安打击整治行动的通报</strong></p>\n' +
        '<p style="text-indent:2em">各分局：近期，全市治安形势总体平稳。</p>',
    );
  });

  it('removes scripts, handlers and dangerous links, keeps safe links and images', () => {
    const out = sanitiseHtml(
      '<p onclick="x()">见<a href="javascript:alert(1)">这里</a>和<a href="https://www.gov.cn/">政府网</a>' +
        '<script>alert(1)</script><img src="/api/attachments/3/content" alt="现场" onerror="x()">' +
        '<img src="data:image/png;base64,AAAA"></p>',
    );
    expect(out).not.toMatch(/script|onclick|onerror|javascript|data:/);
    expect(out).toContain('<a href="https://www.gov.cn/" rel="noopener noreferrer">政府网</a>');
    expect(out).toContain('alt="现场"');
  });

  it('keeps tables and lists that articles use', () => {
    const html = '<table><tbody><tr><td colspan="2">合计</td></tr></tbody></table><ol><li>一</li></ol>';
    expect(sanitiseHtml(html)).toBe(html);
  });
});
