import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";

// Campaign descriptions and rules are staff-written Markdown shown to every visitor; whatever a
// staff account (or someone who took one over) types, no script may reach the page.
const rendered = (md: string) => renderToStaticMarkup(createElement(Markdown, null, md));
/** What the Markdown became, without the component's own wrapper. */
const html = (md: string) => rendered(md).replace(/^<div class="[^"]*">([\s\S]*)<\/div>$/, "$1");

/** Every href/src value in the rendered HTML. */
const urls = (out: string) => [...out.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);

describe("Markdown", () => {
  it("renders ordinary Markdown (the control: the checks below could fail)", () => {
    expect(rendered("文字")).toMatch(/^<div class="[^"]*"><p>文字<\/p><\/div>$/);
    const out = html("## 参加办法\n\n1. **先报名**\n2. 见 [图书馆](https://library.example.cn/a?b=1)\n\n![封面](https://library.example.cn/c.png)");
    expect(out).toContain("<h2>参加办法</h2>");
    expect(out).toContain("<strong>先报名</strong>");
    expect(out).toContain('<a href="https://library.example.cn/a?b=1">图书馆</a>');
    expect(out).toContain('src="https://library.example.cn/c.png"');
    expect(html("[顶部](#top) [活动](/campaigns) [来信](mailto:a@b.cn)")).toBe('<p><a href="#top">顶部</a> <a href="/campaigns">活动</a> <a href="mailto:a@b.cn">来信</a></p>');
  });

  it("drops raw script tags", () => {
    for (const md of ["<script>alert(1)</script>", "前言\n\n<script src=https://evil.example/x.js></script>\n\n后记", "文字 <script>alert(1)</script> 文字"]) {
      const out = html(md);
      expect(out, md).not.toMatch(/<script/i);
      expect(out, md).not.toContain("evil.example");
    }
  });

  it("drops raw HTML with event handlers", () => {
    for (const md of ['<img src=x onerror="alert(1)">', '段落 <img src="x" onerror="alert(1)"> 段落', '<div onclick="alert(1)">点我</div>', "<svg onload=alert(1)>", '<iframe src="javascript:alert(1)"></iframe>']) {
      const out = html(md);
      expect(out, md).not.toMatch(/<(img|svg|iframe|div)\b/i);
      expect(out, md).not.toMatch(/\son\w+=/i);
    }
  });

  it("keeps no javascript:, vbscript: or data: link or image", () => {
    const attacks = [
      "[点我](javascript:alert(1))",
      "[点我](JavaScript:alert(1))",
      "[点我](  javascript:alert(1))",
      "[点我](java&#x73;cript:alert(1))",
      "[点我](&#106;avascript:alert(1))",
      "<javascript:alert(1)>",
      "[点我][ref]\n\n[ref]: javascript:alert(1)",
      "[点我](vbscript:msgbox(1))",
      "[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "![图](javascript:alert(1))",
      '<a href="javascript:alert(1)">点我</a>',
    ];
    for (const md of attacks) {
      const out = html(md);
      // The words may stay as text (an autolink's label); no attribute may carry the scheme.
      expect(out, md).not.toMatch(/="[^"]*(javascript|vbscript|data):/i);
      for (const url of urls(out)) expect(url, md).toMatch(/^(https?:|mailto:|#|\/|$)/);
    }
  });
});
