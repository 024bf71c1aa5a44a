import { describe, expect, it } from "vitest";
import { maskName } from "./mask";

describe("maskName", () => {
  it("keeps the first and last character of a Chinese name", () => {
    expect(maskName("张小明")).toBe("张*明");
    expect(maskName("王芳")).toBe("王*");
    expect(maskName("欧阳晓华")).toBe("欧**华");
    expect(maskName("李")).toBe("李");
  });
  it("keeps the first letter of each part of a Latin name", () => {
    expect(maskName("Li Ming")).toBe("L* M***");
  });
});
