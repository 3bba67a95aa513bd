// GENERATED FILE — do not edit. Source: schemas/migrations/*.json
// Regenerate with `npm run generate`; CI fails (npm run check:generated) when this file drifts.
import type { Mapping } from '../mapping.js';

export const MAPPINGS: Record<string, Mapping> = {
  "2019-to-2021": {
    "$schema": "urn:nianbao:schema:migration:v1",
    "from": "2019",
    "to": "2021",
    "description": "How a report in the 2019 edition (国办公开办函〔2019〕60号) becomes one in the 2021 edition (国办公开办函〔2021〕30号). Every field of the 2021 schema is the target of exactly one entry (an entry on an object covers everything under it); every field of the 2019 schema is the source of an entry or is declared dropped. A 2021 table cell without a source is left not reported (null) and listed; nothing is invented.",
    "fields": [
      {
        "to": "/$schema",
        "value": "urn:nianbao:schema:report-2021:v1",
        "replaces": "/$schema",
        "onlyIfPresent": true,
        "note": "The optional editor hint names the schema of the new edition."
      },
      {
        "to": "/edition",
        "value": "2021",
        "replaces": "/edition"
      },
      {
        "to": "/metadata",
        "from": "/metadata",
        "note": "Same fields in both editions."
      },
      {
        "to": "/preface",
        "from": "/preface"
      },
      {
        "to": "/provenance",
        "from": "/provenance"
      },
      {
        "to": "/sections/overview",
        "from": "/sections/overview"
      },
      {
        "to": "/sections/proactiveDisclosure/paragraphs",
        "from": "/sections/proactiveDisclosure/paragraphs"
      },
      {
        "to": "/sections/proactiveDisclosure/table/article20Item1/regulations/issued",
        "from": "/sections/proactiveDisclosure/table/article20Item1/regulations/newlyMade",
        "note": "本年新制作数量 (2019) and 本年制发件数 (2021) count the same thing: the 规章 made and issued in the year."
      },
      {
        "to": "/sections/proactiveDisclosure/table/article20Item1/regulations/repealed",
        "new": true,
        "reason": {
          "zh": "2021年格式新增“本年废止件数”，2019年格式没有对应栏目。",
          "en": "本年废止件数 is new in the 2021 edition; the 2019 edition has no such column."
        }
      },
      {
        "to": "/sections/proactiveDisclosure/table/article20Item1/regulations/inForce",
        "new": true,
        "reason": {
          "zh": "“现行有效件数”不同于2019年格式的“对外公开总数量”（后者包括已废止的文件），不能照搬。",
          "en": "现行有效件数 is not the 2019 edition's 对外公开总数量 (which includes repealed documents); it cannot be carried."
        }
      },
      {
        "to": "/sections/proactiveDisclosure/table/article20Item1/normativeDocuments/issued",
        "from": "/sections/proactiveDisclosure/table/article20Item1/normativeDocuments/newlyMade",
        "note": "规范性文件 (2019) is 行政规范性文件 (2021); 本年新制作数量 is 本年制发件数."
      },
      {
        "to": "/sections/proactiveDisclosure/table/article20Item1/normativeDocuments/repealed",
        "new": true,
        "reason": {
          "zh": "2021年格式新增“本年废止件数”，2019年格式没有对应栏目。",
          "en": "本年废止件数 is new in the 2021 edition; the 2019 edition has no such column."
        }
      },
      {
        "to": "/sections/proactiveDisclosure/table/article20Item1/normativeDocuments/inForce",
        "new": true,
        "reason": {
          "zh": "“现行有效件数”不同于2019年格式的“对外公开总数量”（后者包括已废止的文件），不能照搬。",
          "en": "现行有效件数 is not the 2019 edition's 对外公开总数量 (which includes repealed documents); it cannot be carried."
        }
      },
      {
        "to": "/sections/proactiveDisclosure/table/article20Item5/administrativeLicensing/decisions",
        "from": "/sections/proactiveDisclosure/table/article20Item5/administrativeLicensing/decisions",
        "note": "处理决定数量 (2019) is 本年处理决定数量 (2021)."
      },
      {
        "to": "/sections/proactiveDisclosure/table/article20Item6/administrativePunishment/decisions",
        "from": "/sections/proactiveDisclosure/table/article20Item6/administrativePunishment/decisions"
      },
      {
        "to": "/sections/proactiveDisclosure/table/article20Item6/administrativeCoercion/decisions",
        "from": "/sections/proactiveDisclosure/table/article20Item6/administrativeCoercion/decisions"
      },
      {
        "to": "/sections/proactiveDisclosure/table/article20Item8/administrativeFees/amount",
        "new": true,
        "reason": {
          "zh": "2021年格式填报行政事业性收费的“本年收费金额（单位：万元）”，2019年格式只有收费项目数量，没有金额。",
          "en": "The 2021 edition reports the amount of 行政事业性收费 collected (万元); the 2019 edition has only the number of fee items, no amount."
        }
      },
      {
        "from": "/sections/proactiveDisclosure/table/article20Item1/regulations/newlyPublished",
        "dropped": true,
        "reason": {
          "zh": "2021年格式没有“本年新公开数量”。",
          "en": "The 2021 edition has no 本年新公开数量."
        }
      },
      {
        "from": "/sections/proactiveDisclosure/table/article20Item1/regulations/totalPublished",
        "dropped": true,
        "reason": {
          "zh": "2021年格式没有“对外公开总数量”（“现行有效件数”口径不同）。",
          "en": "The 2021 edition has no 对外公开总数量 (现行有效件数 counts something else)."
        }
      },
      {
        "from": "/sections/proactiveDisclosure/table/article20Item1/normativeDocuments/newlyPublished",
        "dropped": true,
        "reason": {
          "zh": "2021年格式没有“本年新公开数量”。",
          "en": "The 2021 edition has no 本年新公开数量."
        }
      },
      {
        "from": "/sections/proactiveDisclosure/table/article20Item1/normativeDocuments/totalPublished",
        "dropped": true,
        "reason": {
          "zh": "2021年格式没有“对外公开总数量”（“现行有效件数”口径不同）。",
          "en": "The 2021 edition has no 对外公开总数量 (现行有效件数 counts something else)."
        }
      },
      {
        "from": "/sections/proactiveDisclosure/table/article20Item5/administrativeLicensing/previousYearItems",
        "dropped": true,
        "reason": {
          "zh": "2021年格式不再填报事项数量。",
          "en": "The 2021 edition no longer reports numbers of items."
        }
      },
      {
        "from": "/sections/proactiveDisclosure/table/article20Item5/administrativeLicensing/changeThisYear",
        "dropped": true,
        "reason": {
          "zh": "2021年格式不再填报事项数量。",
          "en": "The 2021 edition no longer reports numbers of items."
        }
      },
      {
        "from": "/sections/proactiveDisclosure/table/article20Item5/otherExternalServices",
        "dropped": true,
        "reason": {
          "zh": "2021年格式没有“其他对外管理服务事项”一行。",
          "en": "The 2021 edition has no row 其他对外管理服务事项."
        }
      },
      {
        "from": "/sections/proactiveDisclosure/table/article20Item6/administrativePunishment/previousYearItems",
        "dropped": true,
        "reason": {
          "zh": "2021年格式不再填报事项数量。",
          "en": "The 2021 edition no longer reports numbers of items."
        }
      },
      {
        "from": "/sections/proactiveDisclosure/table/article20Item6/administrativePunishment/changeThisYear",
        "dropped": true,
        "reason": {
          "zh": "2021年格式不再填报事项数量。",
          "en": "The 2021 edition no longer reports numbers of items."
        }
      },
      {
        "from": "/sections/proactiveDisclosure/table/article20Item6/administrativeCoercion/previousYearItems",
        "dropped": true,
        "reason": {
          "zh": "2021年格式不再填报事项数量。",
          "en": "The 2021 edition no longer reports numbers of items."
        }
      },
      {
        "from": "/sections/proactiveDisclosure/table/article20Item6/administrativeCoercion/changeThisYear",
        "dropped": true,
        "reason": {
          "zh": "2021年格式不再填报事项数量。",
          "en": "The 2021 edition no longer reports numbers of items."
        }
      },
      {
        "from": "/sections/proactiveDisclosure/table/article20Item8/administrativeFees",
        "dropped": true,
        "reason": {
          "zh": "2019年格式的行政事业性收费填报项目数量，2021年格式填报收费金额，不能换算。",
          "en": "The 2019 edition counts fee items, the 2021 edition reports the amount collected: one cannot become the other."
        }
      },
      {
        "from": "/sections/proactiveDisclosure/table/article20Item9",
        "dropped": true,
        "reason": {
          "zh": "2021年格式没有第二十条第（九）项（政府集中采购）。",
          "en": "The 2021 edition has no 第二十条第（九）项 (政府集中采购)."
        }
      },
      {
        "to": "/sections/applications/paragraphs",
        "from": "/sections/applications/paragraphs"
      },
      {
        "to": "/sections/applications/table/newApplications",
        "from": "/sections/applications/table/newApplications"
      },
      {
        "to": "/sections/applications/table/carriedOverFromLastYear",
        "from": "/sections/applications/table/carriedOverFromLastYear"
      },
      {
        "to": "/sections/applications/table/carriedOverToNextYear",
        "from": "/sections/applications/table/carriedOverToNextYear"
      },
      {
        "to": "/sections/applications/table/results/disclosed",
        "from": "/sections/applications/table/results/disclosed"
      },
      {
        "to": "/sections/applications/table/results/partiallyDisclosed",
        "from": "/sections/applications/table/results/partiallyDisclosed"
      },
      {
        "to": "/sections/applications/table/results/notDisclosed",
        "from": "/sections/applications/table/results/notDisclosed",
        "note": "The eight reasons are the same in both editions."
      },
      {
        "to": "/sections/applications/table/results/unableToProvide",
        "from": "/sections/applications/table/results/unableToProvide"
      },
      {
        "to": "/sections/applications/table/results/notProcessed",
        "from": "/sections/applications/table/results/notProcessed",
        "note": "The 2019 label 要求行政机关确认或重新出具已获取信息 is the same row in 2021."
      },
      {
        "to": "/sections/applications/table/results/otherHandling",
        "new": true,
        "reason": {
          "zh": "2021年格式把“（六）其他处理”分为三行，2019年格式只有一行合计，无法分摊到各行。",
          "en": "The 2021 edition splits （六）其他处理 into three rows; the 2019 edition has one row for all of them, which cannot be apportioned."
        }
      },
      {
        "from": "/sections/applications/table/results/otherHandling",
        "dropped": true,
        "reason": {
          "zh": "2019年格式“（六）其他处理”只有一行，2021年格式分为三行，无法分摊；其数字仍计入“（七）总计”。",
          "en": "The 2019 edition's single row （六）其他处理 cannot be apportioned to the three rows of the 2021 edition; its numbers are still part of （七）总计."
        }
      },
      {
        "to": "/sections/applications/table/results/total",
        "from": "/sections/applications/table/results/total"
      },
      {
        "to": "/sections/reviewAndLitigation",
        "from": "/sections/reviewAndLitigation"
      },
      {
        "to": "/sections/problemsAndImprovements",
        "from": "/sections/problemsAndImprovements"
      },
      {
        "to": "/sections/otherMatters",
        "from": "/sections/otherMatters"
      }
    ]
  },
};
