import { crc32, deflateSync } from "node:zlib";
import { countChars } from "@/lib/entries/count";

// What the demo entries say and show: essays put together from a few paragraphs about each book,
// and small drawings painted pixel by pixel. Deterministic, so every fresh database looks alike.

type Book = { title: string; author: string; titles: string[]; paragraphs: string[] };

export const books: Record<"chengnan" | "caofangzi" | "xiyouji" | "xiaowangzi" | "pingfan", Book> = {
  chengnan: {
    title: "城南旧事",
    author: "林海音",
    titles: ["读《城南旧事》有感", "英子的眼睛", "在离别里长大"],
    paragraphs: [
      "寒假里，我读了林海音的《城南旧事》。这本书用小英子的眼睛，讲了老北京城南的一段段往事：惠安馆里的秀贞，藏在草丛里的年轻人，还有陪她长大的宋妈。书里的句子很平静，可是读完以后，我的心里却久久不能平静。",
      "最让我难忘的是《惠安馆》这一章。大家都说秀贞是疯子，只有英子愿意和她说话，还帮她找到了失散多年的女儿妞儿。英子不懂大人口中的“疯”，她只看见一个想念孩子的母亲。我想，孩子的眼睛有时候比大人更干净，也更善良。",
      "《我们看海去》里的那个年轻人，是英子在草丛里认识的朋友。他为了供弟弟读书才去偷东西，最后被警察抓走了。英子分不清好人和坏人，我读到这里也分不清了。原来一个人做了错事，背后也可能有说不出的难处。",
      "书的最后，爸爸的花儿落了，英子也不再是小孩子了。她要自己去寄钱，自己去照顾弟弟妹妹。读到这里，我突然明白，长大不是一下子的事，而是在一次次的离别里，慢慢学会担当。",
      "合上书，我想起了姥姥家。那里也有胡同一样的小巷，有夏天的知了和冬天的炉火。我们每个人都有自己的“城南旧事”，只是很少有人把它写下来。我也想把现在的日子好好记住，等长大以后再慢慢回味。",
    ],
  },
  caofangzi: {
    title: "草房子",
    author: "曹文轩",
    titles: ["金色的草房子", "读《草房子》有感", "桑桑教会我的事"],
    paragraphs: [
      "《草房子》是曹文轩写的一本小说，讲的是男孩桑桑在油麻地小学度过的六年时光。金色的草房子、清清的河水、会飞的鸽子，书里的每一处风景都像一幅画，让我好像也跟着桑桑一起上学、放学、在田埂上奔跑。",
      "书里我最喜欢的人物是秃鹤。他因为头上没有头发，常常被同学们嘲笑。为了找回自尊，他做过很多傻事。可是在学校的文艺演出中，他主动扮演一个秃头的坏人，演得特别好，大家都为他鼓掌。那一刻，他哭了，我也差点哭了。",
      "杜小康家里本来是油麻地最富有的，后来却一下子败落了，他只好跟着父亲去很远的芦荡放鸭子。可是他没有被打倒，回来以后在学校门口摆起了小摊。我很佩服他，遇到困难不抱怨，而是想办法往前走。",
      "桑桑后来得了重病，他的父亲背着他四处求医。读到这些章节，我心里很难受。可桑桑在生病的时候还想着为妹妹做一件事，还想着把自己的东西送给朋友。他让我明白，一个人越是在困难的时候，越能看出他的心有多么善良。",
      "读完《草房子》，我开始留意身边的同学。有的同学成绩不好，有的同学不爱说话，但每个人都有闪光的地方。我想做一个像桑桑那样的人，对别人多一点理解，多一点温暖。",
    ],
  },
  xiyouji: {
    title: "西游记",
    author: "吴承恩",
    titles: ["真经在路上", "我眼中的孙悟空", "读《西游记》有感"],
    paragraphs: [
      "《西游记》是我国四大名著之一。唐僧师徒四人历经九九八十一难，终于从西天取回真经。小时候我只是看电视里的孙悟空打妖怪，这次认真读了原著，才发现书里还有那么多值得思考的地方。",
      "孙悟空本领高强，七十二变、筋斗云、火眼金睛，样样都让人羡慕。可是他也有缺点，脾气急躁，受了委屈就要回花果山。三打白骨精的时候，他被师父误会赶走，却还是放心不下，一听说师父有难，马上赶了回来。这就是责任。",
      "猪八戒好吃懒做，总想着分行李回高老庄，可他也很憨厚，关键时刻从不缺席。沙僧话不多，一路挑着担子，任劳任怨。唐僧虽然手无缚鸡之力，却有一颗坚定的心，无论遇到什么危险，都没有想过放弃取经。",
      "我觉得取经的路，就像我们学习的路。每一次考试、每一道难题，都是一个小小的“妖怪”。有时候我们也会像八戒一样想偷懒，像悟空一样发脾气，但只要像唐僧那样心里有目标，就一定能走到终点。",
      "读完这本书，我最大的收获是：真经不只在西天，也在路上。师徒四人在一次次磨难中互相帮助、彼此成全，才成为一个真正的团队。我们班也是一个团队，我希望大家也能像他们一样，遇到困难时一起想办法。",
    ],
  },
  xiaowangzi: {
    title: "小王子",
    author: "圣埃克苏佩里",
    titles: ["用心去看", "我的那朵玫瑰", "读《小王子》有感"],
    paragraphs: [
      "《小王子》是一本写给孩子，也写给大人的书。一个飞行员在撒哈拉沙漠里遇到了来自B612星球的小王子，听他讲自己的旅行：一朵骄傲的玫瑰，一个只会发号施令的国王，一个不停数星星的商人，还有一只想被驯养的狐狸。",
      "书里的大人们都很奇怪。他们只关心数字，问房子值多少钱，却不问房子里有没有鸽子、窗台上有没有天竺葵。读到这里我笑了，又有点难过，因为我发现身边的大人有时候也是这样，连我自己也开始只关心分数了。",
      "狐狸对小王子说：“你为你的玫瑰花费的时间，使你的玫瑰变得如此重要。”我把这句话抄在了笔记本的第一页。世界上有那么多玫瑰，可是只有自己浇过水、罩过玻璃罩的那一朵，才是独一无二的。",
      "狐狸还说：“真正重要的东西，用眼睛是看不见的。”我想到了妈妈每天早上给我做的早饭，爸爸下雨天在校门口等我的身影。这些事情太平常了，平常到我几乎忘了说谢谢。",
      "合上书，我抬头看了看夜空。不知道哪一颗星星上住着小王子和他的玫瑰。我想，我也应该好好对待身边的人和事：认真对待朋友，珍惜家人，也守护好自己心里那颗会笑的星星。",
    ],
  },
  pingfan: {
    title: "平凡的世界",
    author: "路遥",
    titles: ["平凡而不平庸", "读《平凡的世界》", "黄土地上的奋斗者"],
    paragraphs: [
      "路遥的《平凡的世界》一共三部，写的是上世纪七八十年代陕北黄土高原上孙少安、孙少平兄弟的故事。书很厚，我利用整个寒假才读完。读完的那天晚上，我在书桌前坐了很久，脑子里全是双水村的窑洞和黄土。",
      "孙少平是书里最打动我的人。他在县城读高中时家里穷，每顿饭只能吃最便宜的黑面馍，连菜汤都舍不得打。可他没有因此自卑，而是如饥似渴地读书，让自己的精神世界变得开阔。",
      "后来他离开家乡，在黄原城当揽工汉，又去铜城的煤矿挖煤。生活一次又一次把他推向最艰难的地方，他却始终没有放弃对更好生活的追求。他相信，生活不能等待别人来安排，要自己去争取和奋斗。",
      "哥哥孙少安则选择留在土地上。他带领乡亲们办砖厂，经历了成功，也经历了失败和负债。他身上有一种庄稼人的坚韧：倒下了，拍拍身上的土，再站起来。兄弟俩走的路不同，却都在用自己的双手改变命运。",
      "这本书让我重新理解了“平凡”两个字。世界上大多数人都是平凡的，但平凡不等于平庸。每一个认真生活、努力奋斗的普通人，都在书写属于自己的不平凡。作为一名高中生，我也要在平凡的日子里，做好每一件小事。",
    ],
  },
};

/** Paragraphs any reader might write, to fill longer essays. */
const reflections = [
  "读书的时候，我习惯准备一支铅笔，把喜欢的句子画下来，在空白的地方写上自己的想法。有时候一本书要读两三遍，每一遍都会有新的发现。老师说，书读百遍，其义自见，我现在有一点明白这句话了。",
  "以前我觉得读书是一件任务，是为了写读后感，为了考试。可是这一次不一样，我是真的被书里的故事吸引了，常常一拿起来就放不下，连吃饭的时候都在想后面会发生什么。",
  "书中的人物虽然生活在不同的时代、不同的地方，他们的快乐和烦恼却和我们那么相像。读着读着，我好像交到了一群新朋友，他们教会我勇敢，也教会我温柔。",
  "这次读书活动，班里很多同学都读了同一本书。课间我们常常围在一起讨论，谁最喜欢哪个人物，哪一段最感人。原来，一本好书不仅能让一个人变得更好，还能让一群人靠得更近。",
  "在手机和短视频越来越多的今天，能安安静静地读完一本书，是一件很幸福的事。图书馆的阿姨说，书是最好的老师，它从不责备你，却总在你需要的时候给你答案。",
  "我想，读一本好书，就像走进一座花园。有的花开得热烈，有的花开得安静，但每一朵都有它的香味。只要我们愿意停下脚步，就能闻到那份芬芳。我会继续读下去，让书香陪我慢慢长大。",
];

const indent = "\u3000\u3000";

/**
 * An essay about `book` of at least `min` and at most `max` characters (as lib/entries/count.ts
 * counts them), aiming at `target`: the book's paragraphs, the reader's thoughts woven between
 * them, the last paragraph of the book's set kept for the end.
 */
export function composeEssay(book: Book, target: number, min: number, max: number, variant: number, extra = ""): string {
  const [first, ...middle] = book.paragraphs;
  const last = middle.pop()!;
  const fillers = reflections.map((_, i) => reflections[(i + variant) % reflections.length]!);
  const parts = [first!, ...(extra ? [extra] : [])];
  const size = () => countChars(parts.join("")) + countChars(last);
  const pool = middle.flatMap((p, i) => [p, fillers[i]!]).concat(fillers.slice(middle.length));
  // Long essays may need a paragraph twice; short ones stop as soon as the aim is reached.
  for (let i = 0; size() < Math.max(target, min); i++) {
    const next = pool[i % pool.length]!;
    if (size() + countChars(next) > max) break;
    parts.push(next);
  }
  return [...parts, last].map((p) => indent + p).join("\n");
}

/** A draft: the first paragraph or two, as a pupil leaves it when the bell rings. */
export function draftEssay(book: Book, variant: number): string {
  return book.paragraphs
    .slice(0, 1 + (variant % 2))
    .map((p) => indent + p)
    .join("\n");
}

export const drawingIdeas: { title: string; statement: string }[] = [
  { title: "小王子和他的玫瑰", statement: "我画的是小王子站在他的小星球上，给玫瑰花浇水。旁边的太阳是我最喜欢的颜色。" },
  { title: "花果山的早晨", statement: "读了《西游记》，我画了花果山。太阳出来了，孙悟空要出发去找师父。" },
  { title: "金色的草房子", statement: "这是油麻地小学的草房子，屋顶是金色的，桑桑的鸽子在天上飞。" },
  { title: "英子看骆驼", statement: "我画的是《城南旧事》开头，英子在门口看骆驼队，骆驼的铃铛叮当叮当响。" },
  { title: "我家的小书架", statement: "这是我家的小书架，上面有我读过的书。我想把喜欢的书都画下来。" },
  { title: "狐狸的秘密", statement: "狐狸告诉小王子，真正重要的东西要用心去看。我画了他们坐在麦田边说话。" },
];

// ---- Drawings: a small PNG with a sky, a sun, hills and a book, varied by `variant`. ----

type Rgb = [number, number, number];
const skies: Rgb[] = [
  [168, 214, 240],
  [255, 214, 170],
  [200, 190, 240],
  [180, 230, 210],
];
const grounds: Rgb[] = [
  [120, 180, 90],
  [200, 170, 90],
  [90, 150, 110],
];
const covers: Rgb[] = [
  [200, 60, 60],
  [31, 95, 74],
  [60, 90, 180],
  [230, 150, 40],
];

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(data.length + 12);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), data.length + 8);
  return out;
}

/** A child's picture of a sunny day with an open book, 320×240, a few kilobytes. */
export function drawingPng(variant: number): Uint8Array<ArrayBuffer> {
  const w = 320;
  const h = 240;
  const sky = skies[variant % skies.length]!;
  const ground = grounds[variant % grounds.length]!;
  const cover = covers[variant % covers.length]!;
  const sunX = 50 + ((variant * 67) % 220);
  const hill = (x: number) => 170 + 18 * Math.sin((x + variant * 40) / 45);
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0; // no filter
    for (let x = 0; x < w; x++) {
      let c: Rgb = y > hill(x) ? ground : sky;
      if ((x - sunX) ** 2 + (y - 50) ** 2 < 26 ** 2) c = [250, 200, 60];
      // An open book on the grass: two pages and a spine.
      const bx = x - 160;
      const by = y - 195;
      if (Math.abs(bx) < 58 && by > -22 && by < 22) c = Math.abs(bx) < 3 ? cover : Math.abs(bx) > 54 || by > 18 ? cover : [252, 250, 240];
      if (Math.abs(bx) > 10 && Math.abs(bx) < 48 && by > -14 && by < 12 && (by + 14) % 6 === 0) c = [150, 150, 150];
      raw.set(c, row + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = Buffer.concat([signature, pngChunk("IHDR", ihdr), pngChunk("IDAT", deflateSync(raw)), pngChunk("IEND", Buffer.alloc(0))]);
  return new Uint8Array(png);
}
