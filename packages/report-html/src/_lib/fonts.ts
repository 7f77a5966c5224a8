/**
 * Font families that print Chinese on Windows, macOS and Linux (Noto CJK from `fonts-noto-cjk`),
 * Chinese faces first, then a generic family. Single quotes only: the stack also goes into SVG
 * `style` attributes.
 * @example
 * `<text style="font-family:${CJK_FONT_STACK}">`
 */
export const CJK_FONT_STACK =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', SimHei, sans-serif";

/**
 * The serif stack for body text (宋体 and its equivalents).
 * @example
 * `body { font-family: ${CJK_SERIF_STACK}; }`
 */
export const CJK_SERIF_STACK =
  "'Noto Serif CJK SC', 'Source Han Serif SC', SimSun, 'Songti SC', STSong, serif";
