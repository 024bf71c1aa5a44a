import { describe, expect, it } from "vitest";
import { checkPupil, nameKey, parseBirthYear, parseGender, parseGrade, parsePhone } from "./fields";

describe("pupil field rules", () => {
  it("reads grades the way Chinese schools write them", () => {
    const cases: [string, number | null][] = [
      ["4", 4], ["４", 4], ["四年级", 4], ["4年级", 4], ["十二年级", 12], ["初一", 7], ["初三", 9], ["高一", 10], ["高三", 12],
      ["Grade 5", 5], ["G6", 6], ["七", 7], ["大班", null], ["初四", null], ["", null],
    ];
    for (const [input, grade] of cases) expect(parseGrade(input), input).toBe(grade);
  });

  it("accepts mobile numbers with +86 and spaces, and landlines with the area code", () => {
    expect(parsePhone("138 0013 8000")).toBe("13800138000");
    expect(parsePhone("+86 138-0013-8000")).toBe("13800138000");
    expect(parsePhone("0315-4112345")).toBe("0315-4112345");
    expect(parsePhone("03154112345")).toBe("0315-4112345");
    for (const bad of ["12345", "12800138000", "1380013800", "4112345", "1.38E+10"]) expect(parsePhone(bad), bad).toBeNull();
  });

  it("reads genders in both languages and leaves a blank blank", () => {
    expect(parseGender("男")).toBe("male");
    expect(parseGender("F")).toBe("female");
    expect(parseGender(" ")).toBeNull();
    expect(parseGender("x")).toBeUndefined();
  });

  it("takes the year out of dates and refuses implausible ones", () => {
    expect(parseBirthYear("2016", 2026)).toBe(2016);
    expect(parseBirthYear("2016年5月3日", 2026)).toBe(2016);
    expect(parseBirthYear("2016-05-03", 2026)).toBe(2016);
    expect(parseBirthYear("2016/5", 2026)).toBe(2016);
    expect(parseBirthYear("2025", 2026)).toBeNull();
    expect(parseBirthYear("1990", 2026)).toBeNull();
    expect(parseBirthYear("16", 2026)).toBeNull();
  });

  it("compares names without spaces, width or case", () => {
    expect(nameKey("张 三")).toBe(nameKey("张三"));
    expect(nameKey("Li  Lei")).toBe(nameKey("li lei"));
    expect(nameKey("ＬＩ")).toBe(nameKey("li"));
  });

  it("lists every problem of a pupil at once, each on its field", () => {
    const { value, problems } = checkPupil({ name: "", grade: "13", gender: "?", guardianName: "", guardianPhone: "1", guardianEmail: "x@", birthYear: "abc" }, { currentYear: 2026 });
    expect(value).toBeNull();
    expect(problems).toEqual([
      { field: "name", code: "nameMissing" },
      { field: "grade", code: "gradeInvalid" },
      { field: "gender", code: "genderInvalid" },
      { field: "guardianName", code: "guardianMissing" },
      { field: "guardianPhone", code: "phoneInvalid" },
      { field: "guardianEmail", code: "emailInvalid" },
      { field: "birthYear", code: "birthYearInvalid" },
    ]);
    expect(checkPupil({ name: "甲", guardianName: "乙", guardianPhone: "13800138000" }, { currentYear: 2026 }).problems).toEqual([{ field: "grade", code: "gradeInvalid" }]);
    expect(checkPupil({ name: "甲", guardianName: "乙" }, { defaultGrade: 3, currentYear: 2026 }).problems).toEqual([{ field: "guardianPhone", code: "contactMissing" }]);
  });
});
