/**
 * Words too common to say anything about a theme, in Chinese and English: function words,
 * pronouns, intensifiers and fillers of customer comments. Negations are kept apart (see
 * tokenize.ts): they carry meaning, so they join the word they negate instead of vanishing.
 */

const zh = `的 地 得 了 着 过 是 在 和 与 及 跟 同 或 或者 还是 而 而且 并 并且 但 但是 可是 不过 然而 所以 因为 因此 如果 虽然 就 也 都 还 又 再 才 只 只是 就是 我 我们 你 你们 您 他 他们 她 她们 它 它们 咱们 自己 大家 这 那 这个 那个 这些 那些 这样 那样 这里 那里 这次 那次 哪 什么 怎么 怎样 为什么 一个 一些 一下 一点 一次 有 有点 有些 个 些 次 把 被 让 给 对 对于 向 从 到 比 为 以 于 之 其 其他 等 等等 吧 吗 呢 啊 呀 哦 嗯 哈 啦 嘛 喔 很 太 非常 比较 特别 挺 蛮 真 真的 十分 相当 更 最 极 好像 觉得 感觉 认为 应该 可以 可能 能 会 要 想 需要 希望 已经 一直 总是 每次 时候 现在 以后 然后 之后 还有 没什么 无 啥 的话 方面 情况 问题`;

const en = `a an the and or but if then than so because as of at by for with without about into onto from to in on off over under up down out again further once here there when where why how all any both each few more most other some such only own same too very just also even still really quite pretty rather much many lot lots can could will would shall should may might must do does did done doing have has had having be is am are was were been being get got gets getting i me my mine myself we us our ours you your yours he him his she her hers it its they them their theirs this that these those what which who whom whose i'm i've i'd i'll you're you've we're we've they're it's that's there's here's let's one ones thing things something anything everything nothing bit etc ok okay yes well like just`;

export const stopWords: ReadonlySet<string> = new Set([...zh.split(/\s+/), ...en.split(/\s+/)]);

/** Negations that join the next content word ("不方便", "not helpful"). */
export const negations: ReadonlySet<string> = new Set(['不', '没', '没有', '未', '不太', '不够', '不是', 'not', 'no', 'never', "don't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "weren't", "can't", "cannot", "couldn't", "won't", "wouldn't"]);
