type Translate = (key: "gradeLabel", values: { grade: number }) => string;

/** "四年级 2班"; a name that already says its grade ("三年级（2）班") stands alone. */
export function classLabel(t: Translate, cls: { grade: number; name: string }): string {
  return /年级|grade|初[一二三]|高[一二三]/i.test(cls.name) ? cls.name : `${t("gradeLabel", { grade: cls.grade })} ${cls.name}`;
}
