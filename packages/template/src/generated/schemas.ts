// GENERATED FILE — do not edit. Source: schemas/*.json
// Regenerate with `npm run generate`; CI fails (npm run check:generated) when this file drifts.
/* eslint-disable */
import type { JsonSchema, RuleSet } from '../types.js';

export const EDITIONS = ["2019","2021"] as const;

export const report2019Schema: JsonSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:nianbao:schema:report-2019:v1",
  "title": "政府信息公开工作年度报告（2019年格式：国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》）",
  "description": "nianbao source document of a report in the 2019 edition of the national format (report years 2019 and 2020). Labels (title) are the official text; x-order gives the official order; x-row marks an object whose properties are the cells of one table row.",
  "x-edition": "2019",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "edition",
    "metadata",
    "preface",
    "sections"
  ],
  "properties": {
    "$schema": {
      "type": "string",
      "title": "模式标识",
      "description": "Optional: the $id of this schema, for editors.",
      "x-order": 0
    },
    "edition": {
      "const": "2019",
      "title": "格式版本",
      "x-order": 1
    },
    "metadata": {
      "$ref": "#/$defs/metadata",
      "title": "报告信息",
      "x-order": 2
    },
    "preface": {
      "$ref": "#/$defs/narrative",
      "title": "引言",
      "x-order": 3
    },
    "sections": {
      "$ref": "#/$defs/sections",
      "title": "正文",
      "x-order": 4
    },
    "provenance": {
      "$ref": "#/$defs/provenance",
      "title": "来源（导入）",
      "x-order": 5
    }
  },
  "$defs": {
    "sections": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "overview",
        "proactiveDisclosure",
        "applications",
        "reviewAndLitigation",
        "problemsAndImprovements",
        "otherMatters"
      ],
      "properties": {
        "overview": {
          "$ref": "#/$defs/overviewSection",
          "title": "一、总体情况",
          "x-order": 1
        },
        "proactiveDisclosure": {
          "$ref": "#/$defs/proactiveDisclosureSection",
          "title": "二、主动公开政府信息情况",
          "x-order": 2
        },
        "applications": {
          "$ref": "#/$defs/applicationsSection",
          "title": "三、收到和处理政府信息公开申请情况",
          "x-order": 3
        },
        "reviewAndLitigation": {
          "$ref": "#/$defs/reviewAndLitigationSection",
          "title": "四、政府信息公开行政复议、行政诉讼情况",
          "x-order": 4
        },
        "problemsAndImprovements": {
          "$ref": "#/$defs/problemsSection",
          "title": "五、存在的主要问题及改进情况",
          "x-order": 5
        },
        "otherMatters": {
          "$ref": "#/$defs/narrative",
          "title": "六、其他需要报告的事项",
          "x-order": 6
        }
      }
    },
    "count": {
      "type": [
        "integer",
        "null"
      ],
      "minimum": 0,
      "maximum": 9007199254740991,
      "description": "件数：非负整数（可达数百万）。null：原报告未填报（仅限导入的报告，见 provenance）。"
    },
    "paragraph": {
      "type": "string",
      "minLength": 1,
      "maxLength": 100000,
      "description": "一段正文，纯文本（不含标记），按原文保存。"
    },
    "paragraphs": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/paragraph"
      },
      "maxItems": 1000
    },
    "date": {
      "type": "string",
      "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
      "description": "YYYY-MM-DD"
    },
    "shortText": {
      "type": "string",
      "minLength": 1,
      "maxLength": 1000
    },
    "narrative": {
      "type": "object",
      "description": "一段叙述：若干自然段。",
      "additionalProperties": false,
      "required": [
        "paragraphs"
      ],
      "properties": {
        "paragraphs": {
          "$ref": "#/$defs/paragraphs",
          "title": "正文",
          "x-order": 1
        }
      }
    },
    "topic": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "paragraphs"
      ],
      "description": "总体情况等叙述部分的一个official子项：可选的本机关小标题（不含序号），及其正文。",
      "properties": {
        "heading": {
          "$ref": "#/$defs/shortText",
          "title": "小标题",
          "description": "报告中实际使用的小标题，不含（一）等序号；缺省时使用官方子项名称。",
          "x-order": 1
        },
        "paragraphs": {
          "$ref": "#/$defs/paragraphs",
          "title": "正文",
          "x-order": 2
        }
      }
    },
    "agency": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "kind",
        "level",
        "administrativeDivisionCode"
      ],
      "properties": {
        "name": {
          "$ref": "#/$defs/shortText",
          "title": "机关名称",
          "x-order": 1
        },
        "kind": {
          "title": "机关类别",
          "oneOf": [
            {
              "const": "government",
              "title": "人民政府"
            },
            {
              "const": "department",
              "title": "政府部门"
            },
            {
              "const": "authorized-organization",
              "title": "法律、法规授权的具有管理公共事务职能的组织"
            }
          ],
          "x-order": 2
        },
        "level": {
          "title": "行政层级",
          "oneOf": [
            {
              "const": "national",
              "title": "国家级"
            },
            {
              "const": "provincial",
              "title": "省级"
            },
            {
              "const": "municipal",
              "title": "市级"
            },
            {
              "const": "county",
              "title": "县级"
            },
            {
              "const": "township",
              "title": "乡镇（街道）级"
            }
          ],
          "x-order": 3
        },
        "administrativeDivisionCode": {
          "$ref": "#/$defs/shortText",
          "title": "行政区划代码",
          "x-order": 4
        },
        "unifiedSocialCreditCode": {
          "$ref": "#/$defs/shortText",
          "title": "统一社会信用代码",
          "x-order": 5
        }
      }
    },
    "period": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "start",
        "end"
      ],
      "properties": {
        "start": {
          "$ref": "#/$defs/date",
          "title": "起始日期",
          "x-order": 1
        },
        "end": {
          "$ref": "#/$defs/date",
          "title": "截止日期",
          "x-order": 2
        }
      }
    },
    "contact": {
      "type": "object",
      "additionalProperties": false,
      "required": [],
      "properties": {
        "department": {
          "$ref": "#/$defs/shortText",
          "title": "联系部门",
          "x-order": 1
        },
        "address": {
          "$ref": "#/$defs/shortText",
          "title": "地址",
          "x-order": 2
        },
        "postcode": {
          "$ref": "#/$defs/shortText",
          "title": "邮政编码",
          "x-order": 3
        },
        "phone": {
          "$ref": "#/$defs/shortText",
          "title": "电话",
          "x-order": 4
        },
        "fax": {
          "$ref": "#/$defs/shortText",
          "title": "传真",
          "x-order": 5
        },
        "email": {
          "$ref": "#/$defs/shortText",
          "title": "电子邮箱",
          "x-order": 6
        }
      }
    },
    "electronicVersion": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "location"
      ],
      "properties": {
        "location": {
          "$ref": "#/$defs/shortText",
          "title": "发布位置",
          "x-order": 1
        },
        "url": {
          "$ref": "#/$defs/shortText",
          "title": "网址",
          "x-order": 2
        }
      }
    },
    "unplacedText": {
      "type": "object",
      "description": "导入时无法归入模板的原文，逐字保存。",
      "additionalProperties": false,
      "required": [
        "text",
        "from"
      ],
      "properties": {
        "text": {
          "$ref": "#/$defs/paragraph",
          "title": "原文",
          "x-order": 1
        },
        "from": {
          "$ref": "#/$defs/shortText",
          "title": "原位置",
          "x-order": 2
        }
      }
    },
    "provenance": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "importedFrom"
      ],
      "properties": {
        "importedFrom": {
          "$ref": "#/$defs/shortText",
          "title": "导入来源",
          "x-order": 1
        },
        "unplaced": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/unplacedText"
          },
          "title": "未归位的原文",
          "x-order": 2
        },
        "origins": {
          "type": "object",
          "title": "原文位置",
          "description": "每个导入的表格单元格和段落在原文中的位置，以 JSON Pointer 为键：PDF 为页码和方框（页 N [x0 y0 x1 y1]，单位为点，原点在左下角），文本为行号，网页为元素路径。",
          "additionalProperties": {
            "$ref": "#/$defs/shortText"
          },
          "x-order": 3
        },
        "notFound": {
          "type": "array",
          "title": "原报告缺少的部分",
          "description": "以 --partial 导入时原文中没有的章节和表格（JSON Pointer），其内容记为未填报。",
          "items": {
            "type": "string",
            "pattern": "^/",
            "maxLength": 200
          },
          "x-order": 4
        }
      },
      "description": "仅见于由已发布页面导入（nianbao import）的报告。有此项时，统计表中原报告未填报的单元格可为 null。"
    },
    "metadata": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "agency",
        "reportYear",
        "statisticsPeriod"
      ],
      "properties": {
        "agency": {
          "$ref": "#/$defs/agency",
          "title": "报告机关",
          "x-order": 1
        },
        "reportYear": {
          "title": "报告年度",
          "type": "integer",
          "minimum": 2008,
          "maximum": 2100,
          "x-order": 2
        },
        "statisticsPeriod": {
          "$ref": "#/$defs/period",
          "title": "统计期限",
          "x-order": 3
        },
        "publicationDate": {
          "$ref": "#/$defs/date",
          "title": "发布日期",
          "x-order": 4
        },
        "contact": {
          "$ref": "#/$defs/contact",
          "title": "联系方式",
          "x-order": 5
        },
        "electronicVersion": {
          "$ref": "#/$defs/electronicVersion",
          "title": "电子版发布位置",
          "x-order": 6
        }
      }
    },
    "applicantCounts": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "naturalPerson",
        "legalPersonOrOtherOrganization",
        "total"
      ],
      "properties": {
        "naturalPerson": {
          "$ref": "#/$defs/count",
          "title": "自然人",
          "x-order": 1
        },
        "legalPersonOrOtherOrganization": {
          "$ref": "#/$defs/legalPersonCounts",
          "title": "法人或其他组织",
          "x-order": 2
        },
        "total": {
          "$ref": "#/$defs/count",
          "title": "总计",
          "x-order": 3
        }
      },
      "x-row": true,
      "description": "表三的一行：按申请人类别的7个数。"
    },
    "legalPersonCounts": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "commercialEnterprise",
        "researchInstitution",
        "publicInterestOrganization",
        "legalServiceAgency",
        "other"
      ],
      "properties": {
        "commercialEnterprise": {
          "$ref": "#/$defs/count",
          "title": "商业企业",
          "x-order": 1
        },
        "researchInstitution": {
          "$ref": "#/$defs/count",
          "title": "科研机构",
          "x-order": 2
        },
        "publicInterestOrganization": {
          "$ref": "#/$defs/count",
          "title": "社会公益组织",
          "x-order": 3
        },
        "legalServiceAgency": {
          "$ref": "#/$defs/count",
          "title": "法律服务机构",
          "x-order": 4
        },
        "other": {
          "$ref": "#/$defs/count",
          "title": "其他",
          "x-order": 5
        }
      }
    },
    "notDisclosedReasons": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "stateSecret",
        "prohibitedByLaw",
        "endangersSecurityOrStability",
        "thirdPartyRights",
        "internalAffairs",
        "processInformation",
        "lawEnforcementFiles",
        "administrativeInquiry"
      ],
      "properties": {
        "stateSecret": {
          "$ref": "#/$defs/applicantCounts",
          "title": "1.属于国家秘密",
          "x-order": 1
        },
        "prohibitedByLaw": {
          "$ref": "#/$defs/applicantCounts",
          "title": "2.其他法律行政法规禁止公开",
          "x-order": 2
        },
        "endangersSecurityOrStability": {
          "$ref": "#/$defs/applicantCounts",
          "title": "3.危及“三安全一稳定”",
          "x-order": 3
        },
        "thirdPartyRights": {
          "$ref": "#/$defs/applicantCounts",
          "title": "4.保护第三方合法权益",
          "x-order": 4
        },
        "internalAffairs": {
          "$ref": "#/$defs/applicantCounts",
          "title": "5.属于三类内部事务信息",
          "x-order": 5
        },
        "processInformation": {
          "$ref": "#/$defs/applicantCounts",
          "title": "6.属于四类过程性信息",
          "x-order": 6
        },
        "lawEnforcementFiles": {
          "$ref": "#/$defs/applicantCounts",
          "title": "7.属于行政执法案卷",
          "x-order": 7
        },
        "administrativeInquiry": {
          "$ref": "#/$defs/applicantCounts",
          "title": "8.属于行政查询事项",
          "x-order": 8
        }
      }
    },
    "unableToProvideReasons": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "notHeld",
        "needsCreation",
        "unclearAfterCorrection"
      ],
      "properties": {
        "notHeld": {
          "$ref": "#/$defs/applicantCounts",
          "title": "1.本机关不掌握相关政府信息",
          "x-order": 1
        },
        "needsCreation": {
          "$ref": "#/$defs/applicantCounts",
          "title": "2.没有现成信息需要另行制作",
          "x-order": 2
        },
        "unclearAfterCorrection": {
          "$ref": "#/$defs/applicantCounts",
          "title": "3.补正后申请内容仍不明确",
          "x-order": 3
        }
      }
    },
    "notProcessedReasons": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "petitionOrComplaint",
        "repeatedApplication",
        "publishedMaterial",
        "massRepeatedApplications",
        "confirmationOrReissue"
      ],
      "properties": {
        "petitionOrComplaint": {
          "$ref": "#/$defs/applicantCounts",
          "title": "1.信访举报投诉类申请",
          "x-order": 1
        },
        "repeatedApplication": {
          "$ref": "#/$defs/applicantCounts",
          "title": "2.重复申请",
          "x-order": 2
        },
        "publishedMaterial": {
          "$ref": "#/$defs/applicantCounts",
          "title": "3.要求提供公开出版物",
          "x-order": 3
        },
        "massRepeatedApplications": {
          "$ref": "#/$defs/applicantCounts",
          "title": "4.无正当理由大量反复申请",
          "x-order": 4
        },
        "confirmationOrReissue": {
          "$ref": "#/$defs/applicantCounts",
          "title": "5.要求行政机关确认或重新出具已获取信息",
          "x-order": 5
        }
      }
    },
    "reviewOutcomes": {
      "type": "object",
      "description": "行政复议或行政诉讼的一组5个数。",
      "additionalProperties": false,
      "required": [
        "upheld",
        "corrected",
        "otherResult",
        "pending",
        "total"
      ],
      "properties": {
        "upheld": {
          "$ref": "#/$defs/count",
          "title": "结果维持",
          "x-order": 1
        },
        "corrected": {
          "$ref": "#/$defs/count",
          "title": "结果纠正",
          "x-order": 2
        },
        "otherResult": {
          "$ref": "#/$defs/count",
          "title": "其他结果",
          "x-order": 3
        },
        "pending": {
          "$ref": "#/$defs/count",
          "title": "尚未审结",
          "x-order": 4
        },
        "total": {
          "$ref": "#/$defs/count",
          "title": "总计",
          "x-order": 5
        }
      }
    },
    "litigation": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "withoutReconsideration",
        "afterReconsideration"
      ],
      "properties": {
        "withoutReconsideration": {
          "$ref": "#/$defs/reviewOutcomes",
          "title": "未经复议直接起诉",
          "x-order": 1
        },
        "afterReconsideration": {
          "$ref": "#/$defs/reviewOutcomes",
          "title": "复议后起诉",
          "x-order": 2
        }
      }
    },
    "reviewAndLitigationTable": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "administrativeReconsideration",
        "administrativeLitigation"
      ],
      "properties": {
        "administrativeReconsideration": {
          "$ref": "#/$defs/reviewOutcomes",
          "title": "行政复议",
          "x-order": 1
        },
        "administrativeLitigation": {
          "$ref": "#/$defs/litigation",
          "title": "行政诉讼",
          "x-order": 2
        }
      },
      "x-row": true,
      "description": "表四：政府信息公开行政复议、行政诉讼情况（15个数）。"
    },
    "overviewSection": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "proactiveDisclosure",
        "requestDisclosure",
        "informationManagement",
        "platformBuilding",
        "oversight"
      ],
      "properties": {
        "introduction": {
          "$ref": "#/$defs/paragraphs",
          "title": "概述",
          "x-order": 1
        },
        "proactiveDisclosure": {
          "$ref": "#/$defs/topic",
          "title": "主动公开",
          "x-order": 2
        },
        "requestDisclosure": {
          "$ref": "#/$defs/topic",
          "title": "依申请公开",
          "x-order": 3
        },
        "informationManagement": {
          "$ref": "#/$defs/topic",
          "title": "政府信息管理",
          "x-order": 4
        },
        "platformBuilding": {
          "$ref": "#/$defs/topic",
          "title": "政府信息公开平台建设",
          "x-order": 5
        },
        "oversight": {
          "$ref": "#/$defs/topic",
          "title": "监督保障",
          "x-order": 6
        }
      }
    },
    "proactiveDisclosureSection": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "table"
      ],
      "properties": {
        "paragraphs": {
          "$ref": "#/$defs/paragraphs",
          "title": "说明",
          "x-order": 1
        },
        "table": {
          "$ref": "#/$defs/proactiveDisclosureTable",
          "title": "主动公开政府信息情况",
          "x-order": 2
        }
      }
    },
    "applicationsSection": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "table"
      ],
      "properties": {
        "paragraphs": {
          "$ref": "#/$defs/paragraphs",
          "title": "说明",
          "x-order": 1
        },
        "table": {
          "$ref": "#/$defs/applicationsTable",
          "title": "收到和处理政府信息公开申请情况",
          "x-order": 2
        }
      }
    },
    "reviewAndLitigationSection": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "table"
      ],
      "properties": {
        "paragraphs": {
          "$ref": "#/$defs/paragraphs",
          "title": "说明",
          "x-order": 1
        },
        "table": {
          "$ref": "#/$defs/reviewAndLitigationTable",
          "title": "政府信息公开行政复议、行政诉讼情况",
          "x-order": 2
        }
      }
    },
    "problemsSection": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "problems",
        "improvements"
      ],
      "properties": {
        "introduction": {
          "$ref": "#/$defs/paragraphs",
          "title": "概述",
          "x-order": 1
        },
        "problems": {
          "$ref": "#/$defs/topic",
          "title": "存在的主要问题",
          "x-order": 2
        },
        "improvements": {
          "$ref": "#/$defs/topic",
          "title": "改进情况",
          "x-order": 3
        }
      }
    },
    "applicationsTable": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "newApplications",
        "carriedOverFromLastYear",
        "results",
        "carriedOverToNextYear"
      ],
      "properties": {
        "newApplications": {
          "$ref": "#/$defs/applicantCounts",
          "title": "一、本年新收政府信息公开申请数量",
          "x-order": 1
        },
        "carriedOverFromLastYear": {
          "$ref": "#/$defs/applicantCounts",
          "title": "二、上年结转政府信息公开申请数量",
          "x-order": 2
        },
        "results": {
          "$ref": "#/$defs/applicationResults",
          "title": "三、本年度办理结果",
          "x-order": 3
        },
        "carriedOverToNextYear": {
          "$ref": "#/$defs/applicantCounts",
          "title": "四、结转下年度继续办理",
          "x-order": 4
        }
      },
      "description": "表三：收到和处理政府信息公开申请情况。",
      "x-corner": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      "x-columnHeader": "申请人情况"
    },
    "applicationResults": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "disclosed",
        "partiallyDisclosed",
        "notDisclosed",
        "unableToProvide",
        "notProcessed",
        "otherHandling",
        "total"
      ],
      "properties": {
        "disclosed": {
          "$ref": "#/$defs/applicantCounts",
          "title": "（一）予以公开",
          "x-order": 1
        },
        "partiallyDisclosed": {
          "$ref": "#/$defs/applicantCounts",
          "title": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
          "x-order": 2
        },
        "notDisclosed": {
          "$ref": "#/$defs/notDisclosedReasons",
          "title": "（三）不予公开",
          "x-order": 3
        },
        "unableToProvide": {
          "$ref": "#/$defs/unableToProvideReasons",
          "title": "（四）无法提供",
          "x-order": 4
        },
        "notProcessed": {
          "$ref": "#/$defs/notProcessedReasons",
          "title": "（五）不予处理",
          "x-order": 5
        },
        "otherHandling": {
          "$ref": "#/$defs/applicantCounts",
          "title": "（六）其他处理",
          "x-order": 6
        },
        "total": {
          "$ref": "#/$defs/applicantCounts",
          "title": "（七）总计",
          "x-order": 7
        }
      }
    },
    "signedCount": {
      "type": [
        "integer",
        "null"
      ],
      "minimum": -9007199254740991,
      "maximum": 9007199254740991,
      "description": "本年增/减：可正可负的整数。null：原报告未填报（仅限导入的报告）。"
    },
    "decimalAmount": {
      "type": [
        "string",
        "null"
      ],
      "pattern": "^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?$",
      "description": "金额：十进制数字字符串，最多4位小数，如 \"59237.2449\"（用字符串以免丢失或虚增小数）。null：原报告未填报（仅限导入的报告）。"
    },
    "moneyAmount": {
      "type": "object",
      "description": "带单位的金额（元或万元）。",
      "additionalProperties": false,
      "required": [
        "value",
        "unit"
      ],
      "properties": {
        "value": {
          "$ref": "#/$defs/decimalAmount",
          "title": "金额",
          "x-order": 1
        },
        "unit": {
          "title": "单位",
          "enum": [
            "元",
            "万元",
            null
          ],
          "x-order": 2
        }
      }
    },
    "documentCounts": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "newlyMade",
        "newlyPublished",
        "totalPublished"
      ],
      "properties": {
        "newlyMade": {
          "$ref": "#/$defs/count",
          "title": "本年新制作数量",
          "x-order": 1
        },
        "newlyPublished": {
          "$ref": "#/$defs/count",
          "title": "本年新公开数量",
          "x-order": 2
        },
        "totalPublished": {
          "$ref": "#/$defs/count",
          "title": "对外公开总数量",
          "x-order": 3
        }
      },
      "x-row": true
    },
    "itemCounts": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "previousYearItems",
        "changeThisYear",
        "decisions"
      ],
      "properties": {
        "previousYearItems": {
          "$ref": "#/$defs/count",
          "title": "上一年项目数量",
          "x-order": 1
        },
        "changeThisYear": {
          "$ref": "#/$defs/signedCount",
          "title": "本年增/减",
          "x-order": 2
        },
        "decisions": {
          "$ref": "#/$defs/count",
          "title": "处理决定数量",
          "x-order": 3
        }
      },
      "x-row": true
    },
    "feeItemCounts": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "previousYearItems",
        "changeThisYear"
      ],
      "properties": {
        "previousYearItems": {
          "$ref": "#/$defs/count",
          "title": "上一年项目数量",
          "x-order": 1
        },
        "changeThisYear": {
          "$ref": "#/$defs/signedCount",
          "title": "本年增/减",
          "x-order": 2
        }
      },
      "x-row": true
    },
    "procurement": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "projects",
        "totalAmount"
      ],
      "properties": {
        "projects": {
          "$ref": "#/$defs/count",
          "title": "采购项目数量",
          "x-order": 1
        },
        "totalAmount": {
          "$ref": "#/$defs/moneyAmount",
          "title": "采购总金额",
          "x-order": 2
        }
      },
      "x-row": true
    },
    "article20Item1": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "regulations",
        "normativeDocuments"
      ],
      "properties": {
        "regulations": {
          "$ref": "#/$defs/documentCounts",
          "title": "规章",
          "x-order": 1
        },
        "normativeDocuments": {
          "$ref": "#/$defs/documentCounts",
          "title": "规范性文件",
          "x-order": 2
        }
      },
      "x-rowHeader": "信息内容",
      "description": "第二十条第（一）项"
    },
    "article20Item5": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "administrativeLicensing",
        "otherExternalServices"
      ],
      "properties": {
        "administrativeLicensing": {
          "$ref": "#/$defs/itemCounts",
          "title": "行政许可",
          "x-order": 1
        },
        "otherExternalServices": {
          "$ref": "#/$defs/itemCounts",
          "title": "其他对外管理服务事项",
          "x-order": 2
        }
      },
      "x-rowHeader": "信息内容",
      "description": "第二十条第（五）项"
    },
    "article20Item6": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "administrativePunishment",
        "administrativeCoercion"
      ],
      "properties": {
        "administrativePunishment": {
          "$ref": "#/$defs/itemCounts",
          "title": "行政处罚",
          "x-order": 1
        },
        "administrativeCoercion": {
          "$ref": "#/$defs/itemCounts",
          "title": "行政强制",
          "x-order": 2
        }
      },
      "x-rowHeader": "信息内容",
      "description": "第二十条第（六）项"
    },
    "article20Item8": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "administrativeFees"
      ],
      "properties": {
        "administrativeFees": {
          "$ref": "#/$defs/feeItemCounts",
          "title": "行政事业性收费",
          "x-order": 1
        }
      },
      "x-rowHeader": "信息内容",
      "description": "第二十条第（八）项"
    },
    "article20Item9": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "centralizedProcurement"
      ],
      "properties": {
        "centralizedProcurement": {
          "$ref": "#/$defs/procurement",
          "title": "政府集中采购",
          "x-order": 1
        }
      },
      "x-rowHeader": "信息内容",
      "description": "第二十条第（九）项"
    },
    "proactiveDisclosureTable": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "article20Item1",
        "article20Item5",
        "article20Item6",
        "article20Item8",
        "article20Item9"
      ],
      "properties": {
        "article20Item1": {
          "$ref": "#/$defs/article20Item1",
          "title": "第二十条第（一）项",
          "x-order": 1
        },
        "article20Item5": {
          "$ref": "#/$defs/article20Item5",
          "title": "第二十条第（五）项",
          "x-order": 2
        },
        "article20Item6": {
          "$ref": "#/$defs/article20Item6",
          "title": "第二十条第（六）项",
          "x-order": 3
        },
        "article20Item8": {
          "$ref": "#/$defs/article20Item8",
          "title": "第二十条第（八）项",
          "x-order": 4
        },
        "article20Item9": {
          "$ref": "#/$defs/article20Item9",
          "title": "第二十条第（九）项",
          "x-order": 5
        }
      },
      "description": "表二：主动公开政府信息情况（2019年格式）。"
    }
  }
};

export const rules2019: RuleSet = {
  "$schema": "urn:nianbao:schema:rules:v1",
  "edition": "2019",
  "description": "Data rules of the 2019 edition of the national format. Evaluated by @nianbao/validator; add your own rules in a file of the same form.",
  "rules": [
    {
      "id": "S-EDITION",
      "severity": "error",
      "title": {
        "zh": "格式版本与报告年度一致",
        "en": "Edition matches the report year"
      },
      "message": {
        "zh": "报告年度为{actual}年，但本报告使用2019年格式（国办公开办函〔2019〕60号，仅用于2019、2020年度报告）；2021年度起应使用2021年格式（国办公开办函〔2021〕30号）。",
        "en": "The report year is {actual}, but the report uses the 2019 edition (国办公开办函〔2019〕60号, for the 2019 and 2020 reports only); reports from 2021 on use the 2021 edition (国办公开办函〔2021〕30号)."
      },
      "checks": [
        {
          "type": "range",
          "at": "/metadata/reportYear",
          "min": 2019,
          "max": 2020
        }
      ]
    },
    {
      "id": "S-FILLED",
      "severity": "error",
      "title": {
        "zh": "统计表每个单元格都已填写",
        "en": "Every table cell is filled in"
      },
      "message": {
        "zh": "{location}未填写：每个单元格都应填写数字，没有发生的填0。",
        "en": "{location} is not filled in: every cell needs a number (0 when nothing happened)."
      },
      "when": [
        {
          "absent": "/provenance"
        }
      ],
      "checks": [
        {
          "type": "notNull",
          "at": [
            "/sections/proactiveDisclosure/table",
            "/sections/applications/table",
            "/sections/reviewAndLitigation/table"
          ]
        }
      ]
    },
    {
      "id": "I-NOTREPORTED",
      "severity": "warning",
      "title": {
        "zh": "原报告未填报的单元格",
        "en": "Cells the published report left blank"
      },
      "message": {
        "zh": "{location}在原报告中未填报（空白、“/”或“—”），不按0处理；依赖它的校验无法判断。",
        "en": "{location} was not reported in the published report (blank, \"/\" or \"—\"); it is not taken as 0, and the rules that depend on it cannot be assessed."
      },
      "when": [
        {
          "present": "/provenance"
        }
      ],
      "checks": [
        {
          "type": "notNull",
          "at": [
            "/sections/proactiveDisclosure/table",
            "/sections/applications/table",
            "/sections/reviewAndLitigation/table"
          ]
        }
      ]
    },
    {
      "id": "B-ROW",
      "severity": "error",
      "title": {
        "zh": "表三每行：总计等于各类申请人之和",
        "en": "Table 三, every row: 总计 equals the sum of the applicant columns"
      },
      "message": {
        "zh": "{row}：总计应为{expected}（自然人与法人或其他组织各列之和），实为{actual}。",
        "en": "{row}: 总计 should be {expected} (the sum of the applicant columns) but is {actual}."
      },
      "base": "/sections/applications/table",
      "forEach": {
        "row": [
          "newApplications",
          "carriedOverFromLastYear",
          "results/disclosed",
          "results/partiallyDisclosed",
          "results/notDisclosed/stateSecret",
          "results/notDisclosed/prohibitedByLaw",
          "results/notDisclosed/endangersSecurityOrStability",
          "results/notDisclosed/thirdPartyRights",
          "results/notDisclosed/internalAffairs",
          "results/notDisclosed/processInformation",
          "results/notDisclosed/lawEnforcementFiles",
          "results/notDisclosed/administrativeInquiry",
          "results/unableToProvide/notHeld",
          "results/unableToProvide/needsCreation",
          "results/unableToProvide/unclearAfterCorrection",
          "results/notProcessed/petitionOrComplaint",
          "results/notProcessed/repeatedApplication",
          "results/notProcessed/publishedMaterial",
          "results/notProcessed/massRepeatedApplications",
          "results/notProcessed/confirmationOrReissue",
          "results/otherHandling",
          "results/total",
          "carriedOverToNextYear"
        ]
      },
      "checks": [
        {
          "type": "compare",
          "left": [
            "{row}/total"
          ],
          "op": "==",
          "right": [
            "{row}/naturalPerson",
            "{row}/legalPersonOrOtherOrganization/commercialEnterprise",
            "{row}/legalPersonOrOtherOrganization/researchInstitution",
            "{row}/legalPersonOrOtherOrganization/publicInterestOrganization",
            "{row}/legalPersonOrOtherOrganization/legalServiceAgency",
            "{row}/legalPersonOrOtherOrganization/other"
          ]
        }
      ]
    },
    {
      "id": "B-RESULTS",
      "severity": "error",
      "title": {
        "zh": "表三每列：（七）总计等于各项办理结果之和",
        "en": "Table 三, every column: （七）总计 equals the sum of the results"
      },
      "message": {
        "zh": "（七）总计·{column}应为{expected}（（一）至（六）各项办理结果之和），实为{actual}。",
        "en": "（七）总计, column {column}: should be {expected} (the sum of results （一） to （六）) but is {actual}."
      },
      "base": "/sections/applications/table",
      "forEach": {
        "col": [
          "naturalPerson",
          "legalPersonOrOtherOrganization/commercialEnterprise",
          "legalPersonOrOtherOrganization/researchInstitution",
          "legalPersonOrOtherOrganization/publicInterestOrganization",
          "legalPersonOrOtherOrganization/legalServiceAgency",
          "legalPersonOrOtherOrganization/other",
          "total"
        ]
      },
      "checks": [
        {
          "type": "compare",
          "left": [
            "results/total/{col}"
          ],
          "op": "==",
          "right": [
            "results/disclosed/{col}",
            "results/partiallyDisclosed/{col}",
            "results/notDisclosed/stateSecret/{col}",
            "results/notDisclosed/prohibitedByLaw/{col}",
            "results/notDisclosed/endangersSecurityOrStability/{col}",
            "results/notDisclosed/thirdPartyRights/{col}",
            "results/notDisclosed/internalAffairs/{col}",
            "results/notDisclosed/processInformation/{col}",
            "results/notDisclosed/lawEnforcementFiles/{col}",
            "results/notDisclosed/administrativeInquiry/{col}",
            "results/unableToProvide/notHeld/{col}",
            "results/unableToProvide/needsCreation/{col}",
            "results/unableToProvide/unclearAfterCorrection/{col}",
            "results/notProcessed/petitionOrComplaint/{col}",
            "results/notProcessed/repeatedApplication/{col}",
            "results/notProcessed/publishedMaterial/{col}",
            "results/notProcessed/massRepeatedApplications/{col}",
            "results/notProcessed/confirmationOrReissue/{col}",
            "results/otherHandling/{col}"
          ]
        }
      ]
    },
    {
      "id": "B-BALANCE",
      "severity": "error",
      "title": {
        "zh": "表三勾稽关系：第一项加第二项之和，等于第三项加第四项之和",
        "en": "Table 三 balance: 一 + 二 = 三（七）总计 + 四"
      },
      "message": {
        "zh": "{column}列不平衡：一、本年新收与二、上年结转之和为{actual}，（七）总计与四、结转下年度之和为{expected}。",
        "en": "Column {column} does not balance: 一 (new) + 二 (carried over) = {actual}, but （七）总计 + 四 (carried to next year) = {expected}."
      },
      "base": "/sections/applications/table",
      "forEach": {
        "col": [
          "naturalPerson",
          "legalPersonOrOtherOrganization/commercialEnterprise",
          "legalPersonOrOtherOrganization/researchInstitution",
          "legalPersonOrOtherOrganization/publicInterestOrganization",
          "legalPersonOrOtherOrganization/legalServiceAgency",
          "legalPersonOrOtherOrganization/other",
          "total"
        ]
      },
      "checks": [
        {
          "type": "compare",
          "at": "carriedOverToNextYear/{col}",
          "left": [
            "newApplications/{col}",
            "carriedOverFromLastYear/{col}"
          ],
          "op": "==",
          "right": [
            "results/total/{col}",
            "carriedOverToNextYear/{col}"
          ]
        }
      ]
    },
    {
      "id": "C-SUM",
      "severity": "error",
      "title": {
        "zh": "表四每组：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
        "en": "Table 四, every block: 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结"
      },
      "message": {
        "zh": "{column}应为{expected}（结果维持、结果纠正、其他结果、尚未审结之和），实为{actual}。",
        "en": "{column} should be {expected} (upheld + corrected + other + pending) but is {actual}."
      },
      "base": "/sections/reviewAndLitigation/table",
      "forEach": {
        "block": [
          "administrativeReconsideration",
          "administrativeLitigation/withoutReconsideration",
          "administrativeLitigation/afterReconsideration"
        ]
      },
      "checks": [
        {
          "type": "compare",
          "left": [
            "{block}/total"
          ],
          "op": "==",
          "right": [
            "{block}/upheld",
            "{block}/corrected",
            "{block}/otherResult",
            "{block}/pending"
          ]
        }
      ]
    },
    {
      "id": "X-CARRY",
      "severity": "warning",
      "title": {
        "zh": "上年结转等于上一年度报告的结转下年度继续办理",
        "en": "二 (carried over) equals last year's 四 (carried to next year)"
      },
      "message": {
        "zh": "二、上年结转·{column}为{actual}，但上一年度报告的四、结转下年度继续办理为{expected}。",
        "en": "二 (carried over from last year), column {column}, is {actual}, but last year's report carried {expected} over (四)."
      },
      "base": "/sections/applications/table",
      "needsPrevious": true,
      "forEach": {
        "col": [
          "naturalPerson",
          "legalPersonOrOtherOrganization/commercialEnterprise",
          "legalPersonOrOtherOrganization/researchInstitution",
          "legalPersonOrOtherOrganization/publicInterestOrganization",
          "legalPersonOrOtherOrganization/legalServiceAgency",
          "legalPersonOrOtherOrganization/other",
          "total"
        ]
      },
      "checks": [
        {
          "type": "compare",
          "left": [
            "carriedOverFromLastYear/{col}"
          ],
          "op": "==",
          "right": [
            "prev:carriedOverToNextYear/{col}"
          ]
        }
      ]
    },
    {
      "id": "X-2019",
      "severity": "warning",
      "title": {
        "zh": "上一年项目数量加本年增/减不为负",
        "en": "上一年项目数量 + 本年增/减 is not negative"
      },
      "message": {
        "zh": "{row}：上一年项目数量加本年增/减为{actual}，不应小于0。",
        "en": "{row}: 上一年项目数量 + 本年增/减 is {actual}; it cannot be below 0."
      },
      "base": "/sections/proactiveDisclosure/table",
      "forEach": {
        "row": [
          "article20Item5/administrativeLicensing",
          "article20Item5/otherExternalServices",
          "article20Item6/administrativePunishment",
          "article20Item6/administrativeCoercion",
          "article20Item8/administrativeFees"
        ]
      },
      "checks": [
        {
          "type": "compare",
          "at": "{row}/changeThisYear",
          "left": [
            "{row}/previousYearItems",
            "{row}/changeThisYear"
          ],
          "op": ">=",
          "right": [
            0
          ]
        }
      ]
    },
    {
      "id": "M-PERIOD",
      "severity": "warning",
      "title": {
        "zh": "统计期限为报告年度的1月1日至12月31日",
        "en": "The statistics period is 1 January to 31 December of the report year"
      },
      "message": {
        "zh": "统计期限为{actual}，应为{expected}（报告年度全年）。",
        "en": "The statistics period is {actual}; it should be {expected} (the whole report year)."
      },
      "checks": [
        {
          "type": "periodCoversYear",
          "at": "/metadata/statisticsPeriod",
          "year": "/metadata/reportYear"
        }
      ]
    },
    {
      "id": "M-DEADLINE",
      "severity": "warning",
      "title": {
        "zh": "在法定期限内发布（《条例》第四十九条）",
        "en": "Published by the statutory deadline (Regulations, article 49)"
      },
      "message": {
        "zh": "发布日期{actual}晚于法定期限{expected}（{label}）。",
        "en": "Published on {actual}, after the statutory deadline of {expected} ({label})."
      },
      "checks": [
        {
          "type": "deadline",
          "at": "/metadata/publicationDate",
          "year": "/metadata/reportYear",
          "cases": [
            {
              "match": {
                "/metadata/agency/kind": [
                  "department",
                  "authorized-organization"
                ],
                "/metadata/agency/level": [
                  "national",
                  "provincial",
                  "municipal",
                  "county"
                ]
              },
              "monthDay": "01-31",
              "label": {
                "zh": "县级以上人民政府部门应于每年1月31日前公布本机关上一年度报告",
                "en": "departments of governments at county level or above publish by 31 January"
              }
            },
            {
              "match": {
                "/metadata/agency/kind": [
                  "government"
                ],
                "/metadata/agency/level": [
                  "provincial",
                  "municipal",
                  "county"
                ]
              },
              "monthDay": "03-31",
              "label": {
                "zh": "县级以上地方人民政府应于每年3月31日前公布本级政府上一年度报告",
                "en": "local governments at county level or above publish by 31 March"
              }
            }
          ]
        }
      ]
    },
    {
      "id": "M-IDS",
      "severity": "warning",
      "title": {
        "zh": "机关代码格式正确",
        "en": "Agency codes are well formed"
      },
      "message": {
        "zh": "统一社会信用代码{actual}不符合GB 32100-2015（长度、字符或校验码错误）。",
        "en": "The 统一社会信用代码 {actual} does not conform to GB 32100-2015 (length, characters or check character)."
      },
      "checks": [
        {
          "type": "unifiedSocialCreditCode",
          "at": "/metadata/agency/unifiedSocialCreditCode"
        },
        {
          "type": "pattern",
          "at": "/metadata/agency/administrativeDivisionCode",
          "pattern": "^[0-9]{6}$",
          "message": {
            "zh": "行政区划代码{actual}应为6位数字（GB/T 2260）。",
            "en": "The 行政区划代码 {actual} should be 6 digits (GB/T 2260)."
          }
        }
      ]
    },
    {
      "id": "M-URL",
      "severity": "error",
      "title": {
        "zh": "网址是 http 或 https 网址",
        "en": "The web address is an http or https address"
      },
      "message": {
        "zh": "{location}为“{actual}”：只接受以 http:// 或 https:// 开头的网址（javascript:、data:、file: 等网址在发布的网页中可被利用）。",
        "en": "{location} is \"{actual}\": only addresses starting with http:// or https:// are accepted (javascript:, data:, file: and other schemes can be abused in the published page)."
      },
      "checks": [
        {
          "type": "pattern",
          "at": "/metadata/electronicVersion/url",
          "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#@:]+(?::[0-9]{1,5})?(?:[/?#]\\S*)?$"
        }
      ]
    },
    {
      "id": "M-EMAIL",
      "severity": "error",
      "title": {
        "zh": "电子邮箱格式正确",
        "en": "The e-mail address is well formed"
      },
      "message": {
        "zh": "{location}为“{actual}”，不是有效的电子邮箱地址（应形如 name@example.gov.cn）。",
        "en": "{location} is \"{actual}\", which is not a valid e-mail address (it should look like name@example.gov.cn)."
      },
      "checks": [
        {
          "type": "pattern",
          "at": "/metadata/contact/email",
          "pattern": "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
        }
      ]
    },
    {
      "id": "I-CONTROL",
      "severity": "error",
      "title": {
        "zh": "文字中没有控制字符",
        "en": "No control characters in the text"
      },
      "message": {
        "zh": "{location}含有控制字符 {word}（第{expected}个字符起）：这些字符看不见，会破坏发布的网页和数据，通常来自复制粘贴，请删除。",
        "en": "{location} contains the control character(s) {word} (from character {expected}): they are invisible, break the published page and data, and usually come from copying and pasting. Remove them."
      },
      "checks": [
        {
          "type": "characters",
          "at": [
            "/metadata",
            "/preface",
            "/sections"
          ],
          "pattern": "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]",
          "label": {
            "zh": "控制字符",
            "en": "control characters"
          }
        }
      ]
    },
    {
      "id": "I-SURROGATE",
      "severity": "error",
      "title": {
        "zh": "文字中没有残缺的字符",
        "en": "No broken characters in the text"
      },
      "message": {
        "zh": "{location}含有残缺的字符 {word}（单独的代理项，第{expected}个字符起）：它无法保存为 UTF-8，通常是截断或转换出错所致，请重新输入该处文字。",
        "en": "{location} contains broken character(s) {word} (lone surrogates, from character {expected}): they cannot be written as UTF-8 and usually come from a cut or a failed conversion. Retype the text there."
      },
      "checks": [
        {
          "type": "characters",
          "at": [
            "/metadata",
            "/preface",
            "/sections"
          ],
          "pattern": "\\p{Cs}",
          "label": {
            "zh": "单独的代理项",
            "en": "lone surrogates"
          }
        }
      ]
    },
    {
      "id": "I-BIDI",
      "severity": "warning",
      "title": {
        "zh": "文字中没有改变书写方向的控制符",
        "en": "No bidirectional overrides in the text"
      },
      "message": {
        "zh": "{location}含有改变文字显示方向的控制符 {word}（第{expected}个字符起）：显示出的文字可能与实际内容不同，请核实并删除。",
        "en": "{location} contains bidirectional control character(s) {word} (from character {expected}): the text may display differently from what it contains. Check it and remove them."
      },
      "checks": [
        {
          "type": "characters",
          "at": [
            "/metadata",
            "/preface",
            "/sections"
          ],
          "pattern": "[\\u202A-\\u202E\\u2066-\\u2069]",
          "label": {
            "zh": "双向文字控制符",
            "en": "bidirectional overrides"
          }
        }
      ]
    },
    {
      "id": "T-EMPTY",
      "severity": "warning",
      "title": {
        "zh": "“存在的主要问题及改进情况”有实际内容",
        "en": "Section 五 (problems and improvements) has real content"
      },
      "message": {
        "zh": "“五、存在的主要问题及改进情况”为空或只有“{actual}”：2021年格式要求如实说明存在的问题和改进措施，避免敷衍塞责。",
        "en": "Section 五 (problems and improvements) is empty or only \"{actual}\": state the real problems and the improvements."
      },
      "checks": [
        {
          "type": "substantive",
          "at": [
            "/sections/problemsAndImprovements"
          ],
          "minChars": 10,
          "placeholders": [
            "无",
            "暂无",
            "没有",
            "无问题",
            "不存在问题",
            "略"
          ]
        }
      ]
    },
    {
      "id": "T-TEXT",
      "severity": "warning",
      "title": {
        "zh": "正文所述件数与统计表一致",
        "en": "Counts stated in the text agree with the tables"
      },
      "message": {
        "zh": "{paragraph}称“{value}”，但统计表为{expected}。",
        "en": "{paragraph} says \"{value}\", but the tables give {expected}."
      },
      "checks": [
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/newApplications/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "(?:收到|受理|新收)(?:各类|各类政府信息公开|政府信息公开|依申请公开)?申请(?:共|合计|总计)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件",
            "共(?:收到|受理|新收)(?:各类|政府信息公开|依申请公开)?申请\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/results/total/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "(?:答复|办结)(?:政府信息公开|依申请公开)?申请(?:共|合计|总计)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件",
            "(?:共|合计)(?:答复|办结)(?:政府信息公开|依申请公开)?(?:申请)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件",
            "(?:已|均已|全部)?办结\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/results/disclosed/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "予以公开\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/results/partiallyDisclosed/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "(?<!公开[及和与、])部分公开\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/results/disclosed/total",
            "/sections/applications/table/results/partiallyDisclosed/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "予以公开[及和与、]部分公开(?:共|合计|总计)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/results/notDisclosed/stateSecret/total",
            "/sections/applications/table/results/notDisclosed/prohibitedByLaw/total",
            "/sections/applications/table/results/notDisclosed/endangersSecurityOrStability/total",
            "/sections/applications/table/results/notDisclosed/thirdPartyRights/total",
            "/sections/applications/table/results/notDisclosed/internalAffairs/total",
            "/sections/applications/table/results/notDisclosed/processInformation/total",
            "/sections/applications/table/results/notDisclosed/lawEnforcementFiles/total",
            "/sections/applications/table/results/notDisclosed/administrativeInquiry/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "不予公开\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/carriedOverToNextYear/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "结转下年度(?:继续办理)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeReconsideration/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "(?:政府信息公开)?行政复议(?:案件)?(?:共|合计)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeReconsideration/upheld"
          ],
          "patterns": [
            "行政复议[^。；]{0,30}?维持(?:原具体行政行为|原行政行为)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeReconsideration/corrected"
          ],
          "patterns": [
            "行政复议[^。；]{0,30}?(?<!不予)纠正\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeReconsideration/pending"
          ],
          "patterns": [
            "行政复议[^。；]{0,30}?尚未审结\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeLitigation/withoutReconsideration/total",
            "/sections/reviewAndLitigation/table/administrativeLitigation/afterReconsideration/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "(?:政府信息公开)?行政诉讼(?:案件)?(?:共|合计)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeLitigation/withoutReconsideration/upheld",
            "/sections/reviewAndLitigation/table/administrativeLitigation/afterReconsideration/upheld"
          ],
          "patterns": [
            "行政诉讼[^。；]{0,30}?维持(?:原具体行政行为|原行政行为)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeLitigation/withoutReconsideration/corrected",
            "/sections/reviewAndLitigation/table/administrativeLitigation/afterReconsideration/corrected"
          ],
          "patterns": [
            "行政诉讼[^。；]{0,30}?(?<!不予)纠正\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeLitigation/withoutReconsideration/pending",
            "/sections/reviewAndLitigation/table/administrativeLitigation/afterReconsideration/pending"
          ],
          "patterns": [
            "行政诉讼[^。；]{0,30}?尚未审结\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "forbiddenText",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "words": [
            "未收到政府信息公开申请",
            "没有收到政府信息公开申请",
            "未收到依申请公开申请"
          ],
          "when": [
            {
              "left": [
                "/sections/applications/table/newApplications/total"
              ],
              "op": ">",
              "right": [
                0
              ]
            }
          ],
          "message": {
            "zh": "{paragraph}称“{word}”，但表三一、本年新收政府信息公开申请数量总计为{expected}。",
            "en": "{paragraph} says \"{word}\" (no applications received), but table 三 row 一 totals {expected}."
          }
        }
      ]
    },
    {
      "id": "T-PUNCT",
      "severity": "warning",
      "title": {
        "zh": "中文里使用全角标点",
        "en": "Full-width punctuation in Chinese text"
      },
      "message": {
        "zh": "{paragraph}在中文中使用了半角标点：{word}。",
        "en": "{paragraph} uses half-width punctuation in Chinese text: {word}."
      },
      "checks": [
        {
          "type": "punctuation",
          "at": [
            "/preface",
            "/sections"
          ],
          "fullWidth": {
            ",": "，",
            "(": "（",
            ")": "）",
            ":": "：",
            ";": "；",
            "?": "？",
            "!": "！"
          }
        }
      ]
    },
    {
      "id": "I-SPAM",
      "severity": "error",
      "title": {
        "zh": "正文疑似被植入垃圾信息（网站被篡改）",
        "en": "The text looks tampered with (spam injected into a hacked site)"
      },
      "message": {
        "zh": "{paragraph}含有疑似植入的垃圾词语“{word}”：请对照本机关留存的原稿核实。",
        "en": "{paragraph} contains \"{word}\", a word typical of spam injected into hacked government sites: check it against the agency's own copy."
      },
      "checks": [
        {
          "type": "forbiddenText",
          "at": [
            "/preface",
            "/sections"
          ],
          "words": [
            "足球比分",
            "365体育",
            "365bet",
            "bet365",
            "足彩",
            "球迷网",
            "五大联赛",
            "美高梅",
            "娛樂城",
            "体育投注",
            "官网投注",
            "德赢",
            "vwin",
            "manbetx",
            "威廉希尔",
            "买球",
            "欧洲杯竞猜",
            "世界杯竞猜",
            "澳门新葡京",
            "澳门威尼斯人",
            "金沙娱乐",
            "皇冠体育",
            "皇冠足球",
            "亚博体育",
            "开云体育",
            "乐鱼体育",
            "九游会",
            "真人百家乐",
            "百家乐",
            "时时彩",
            "六合彩",
            "博彩",
            "成人视频",
            "成人网站",
            "av在线",
            "无码"
          ],
          "patterns": [
            {
              "pattern": "[\\u4e00-\\u9fff][(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）][^(（]{0,30}?[\\u4e00-\\u9fff][(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]",
              "label": {
                "zh": "逐字注音（带声调的拼音，两处相邻）",
                "en": "pinyin with tone marks after two nearby characters"
              }
            },
            {
              "pattern": "(?:[\\u4e00-\\u9fff][(（][a-zA-Z]{1,6}[)）]){3,}",
              "label": {
                "zh": "逐字拼音注音",
                "en": "pinyin after every character"
              }
            },
            {
              "pattern": "(?:锟斤拷|烫烫烫|屯屯屯|\\ufffd{2,})",
              "label": {
                "zh": "乱码",
                "en": "mojibake"
              }
            },
            {
              "pattern": "(?:[\\u00c0-\\u00ff][\\u0080-\\u00bf]){3,}",
              "label": {
                "zh": "乱码",
                "en": "mojibake"
              }
            },
            {
              "pattern": "[锛銆]|[\\u4e00-\\u9fff][\\u3105-\\u3129]|[\\u3105-\\u3129][\\u4e00-\\u9fff]",
              "label": {
                "zh": "乱码（UTF-8 按 GBK 读出）",
                "en": "mojibake (UTF-8 read as GBK)"
              }
            }
          ]
        }
      ]
    }
  ]
} as RuleSet;

export const report2021Schema: JsonSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:nianbao:schema:report-2021:v1",
  "title": "政府信息公开工作年度报告（2021年格式：国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》）",
  "description": "nianbao source document of a report in the 2021 edition of the national format (report years 2021 onward). Labels (title) are the official text; x-order gives the official order; x-row marks an object whose properties are the cells of one table row.",
  "x-edition": "2021",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "edition",
    "metadata",
    "preface",
    "sections"
  ],
  "properties": {
    "$schema": {
      "type": "string",
      "title": "模式标识",
      "description": "Optional: the $id of this schema, for editors.",
      "x-order": 0
    },
    "edition": {
      "const": "2021",
      "title": "格式版本",
      "x-order": 1
    },
    "metadata": {
      "$ref": "#/$defs/metadata",
      "title": "报告信息",
      "x-order": 2
    },
    "preface": {
      "$ref": "#/$defs/narrative",
      "title": "引言",
      "x-order": 3
    },
    "sections": {
      "$ref": "#/$defs/sections",
      "title": "正文",
      "x-order": 4
    },
    "provenance": {
      "$ref": "#/$defs/provenance",
      "title": "来源（导入）",
      "x-order": 5
    }
  },
  "$defs": {
    "sections": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "overview",
        "proactiveDisclosure",
        "applications",
        "reviewAndLitigation",
        "problemsAndImprovements",
        "otherMatters"
      ],
      "properties": {
        "overview": {
          "$ref": "#/$defs/overviewSection",
          "title": "一、总体情况",
          "x-order": 1
        },
        "proactiveDisclosure": {
          "$ref": "#/$defs/proactiveDisclosureSection",
          "title": "二、主动公开政府信息情况",
          "x-order": 2
        },
        "applications": {
          "$ref": "#/$defs/applicationsSection",
          "title": "三、收到和处理政府信息公开申请情况",
          "x-order": 3
        },
        "reviewAndLitigation": {
          "$ref": "#/$defs/reviewAndLitigationSection",
          "title": "四、政府信息公开行政复议、行政诉讼情况",
          "x-order": 4
        },
        "problemsAndImprovements": {
          "$ref": "#/$defs/problemsSection",
          "title": "五、存在的主要问题及改进情况",
          "x-order": 5
        },
        "otherMatters": {
          "$ref": "#/$defs/narrative",
          "title": "六、其他需要报告的事项",
          "x-order": 6
        }
      }
    },
    "count": {
      "type": [
        "integer",
        "null"
      ],
      "minimum": 0,
      "maximum": 9007199254740991,
      "description": "件数：非负整数（可达数百万）。null：原报告未填报（仅限导入的报告，见 provenance）。"
    },
    "paragraph": {
      "type": "string",
      "minLength": 1,
      "maxLength": 100000,
      "description": "一段正文，纯文本（不含标记），按原文保存。"
    },
    "paragraphs": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/paragraph"
      },
      "maxItems": 1000
    },
    "date": {
      "type": "string",
      "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
      "description": "YYYY-MM-DD"
    },
    "shortText": {
      "type": "string",
      "minLength": 1,
      "maxLength": 1000
    },
    "narrative": {
      "type": "object",
      "description": "一段叙述：若干自然段。",
      "additionalProperties": false,
      "required": [
        "paragraphs"
      ],
      "properties": {
        "paragraphs": {
          "$ref": "#/$defs/paragraphs",
          "title": "正文",
          "x-order": 1
        }
      }
    },
    "topic": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "paragraphs"
      ],
      "description": "总体情况等叙述部分的一个official子项：可选的本机关小标题（不含序号），及其正文。",
      "properties": {
        "heading": {
          "$ref": "#/$defs/shortText",
          "title": "小标题",
          "description": "报告中实际使用的小标题，不含（一）等序号；缺省时使用官方子项名称。",
          "x-order": 1
        },
        "paragraphs": {
          "$ref": "#/$defs/paragraphs",
          "title": "正文",
          "x-order": 2
        }
      }
    },
    "agency": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "kind",
        "level",
        "administrativeDivisionCode"
      ],
      "properties": {
        "name": {
          "$ref": "#/$defs/shortText",
          "title": "机关名称",
          "x-order": 1
        },
        "kind": {
          "title": "机关类别",
          "oneOf": [
            {
              "const": "government",
              "title": "人民政府"
            },
            {
              "const": "department",
              "title": "政府部门"
            },
            {
              "const": "authorized-organization",
              "title": "法律、法规授权的具有管理公共事务职能的组织"
            }
          ],
          "x-order": 2
        },
        "level": {
          "title": "行政层级",
          "oneOf": [
            {
              "const": "national",
              "title": "国家级"
            },
            {
              "const": "provincial",
              "title": "省级"
            },
            {
              "const": "municipal",
              "title": "市级"
            },
            {
              "const": "county",
              "title": "县级"
            },
            {
              "const": "township",
              "title": "乡镇（街道）级"
            }
          ],
          "x-order": 3
        },
        "administrativeDivisionCode": {
          "$ref": "#/$defs/shortText",
          "title": "行政区划代码",
          "x-order": 4
        },
        "unifiedSocialCreditCode": {
          "$ref": "#/$defs/shortText",
          "title": "统一社会信用代码",
          "x-order": 5
        }
      }
    },
    "period": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "start",
        "end"
      ],
      "properties": {
        "start": {
          "$ref": "#/$defs/date",
          "title": "起始日期",
          "x-order": 1
        },
        "end": {
          "$ref": "#/$defs/date",
          "title": "截止日期",
          "x-order": 2
        }
      }
    },
    "contact": {
      "type": "object",
      "additionalProperties": false,
      "required": [],
      "properties": {
        "department": {
          "$ref": "#/$defs/shortText",
          "title": "联系部门",
          "x-order": 1
        },
        "address": {
          "$ref": "#/$defs/shortText",
          "title": "地址",
          "x-order": 2
        },
        "postcode": {
          "$ref": "#/$defs/shortText",
          "title": "邮政编码",
          "x-order": 3
        },
        "phone": {
          "$ref": "#/$defs/shortText",
          "title": "电话",
          "x-order": 4
        },
        "fax": {
          "$ref": "#/$defs/shortText",
          "title": "传真",
          "x-order": 5
        },
        "email": {
          "$ref": "#/$defs/shortText",
          "title": "电子邮箱",
          "x-order": 6
        }
      }
    },
    "electronicVersion": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "location"
      ],
      "properties": {
        "location": {
          "$ref": "#/$defs/shortText",
          "title": "发布位置",
          "x-order": 1
        },
        "url": {
          "$ref": "#/$defs/shortText",
          "title": "网址",
          "x-order": 2
        }
      }
    },
    "unplacedText": {
      "type": "object",
      "description": "导入时无法归入模板的原文，逐字保存。",
      "additionalProperties": false,
      "required": [
        "text",
        "from"
      ],
      "properties": {
        "text": {
          "$ref": "#/$defs/paragraph",
          "title": "原文",
          "x-order": 1
        },
        "from": {
          "$ref": "#/$defs/shortText",
          "title": "原位置",
          "x-order": 2
        }
      }
    },
    "provenance": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "importedFrom"
      ],
      "properties": {
        "importedFrom": {
          "$ref": "#/$defs/shortText",
          "title": "导入来源",
          "x-order": 1
        },
        "unplaced": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/unplacedText"
          },
          "title": "未归位的原文",
          "x-order": 2
        },
        "origins": {
          "type": "object",
          "title": "原文位置",
          "description": "每个导入的表格单元格和段落在原文中的位置，以 JSON Pointer 为键：PDF 为页码和方框（页 N [x0 y0 x1 y1]，单位为点，原点在左下角），文本为行号，网页为元素路径。",
          "additionalProperties": {
            "$ref": "#/$defs/shortText"
          },
          "x-order": 3
        },
        "notFound": {
          "type": "array",
          "title": "原报告缺少的部分",
          "description": "以 --partial 导入时原文中没有的章节和表格（JSON Pointer），其内容记为未填报。",
          "items": {
            "type": "string",
            "pattern": "^/",
            "maxLength": 200
          },
          "x-order": 4
        }
      },
      "description": "仅见于由已发布页面导入（nianbao import）的报告。有此项时，统计表中原报告未填报的单元格可为 null。"
    },
    "metadata": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "agency",
        "reportYear",
        "statisticsPeriod"
      ],
      "properties": {
        "agency": {
          "$ref": "#/$defs/agency",
          "title": "报告机关",
          "x-order": 1
        },
        "reportYear": {
          "title": "报告年度",
          "type": "integer",
          "minimum": 2008,
          "maximum": 2100,
          "x-order": 2
        },
        "statisticsPeriod": {
          "$ref": "#/$defs/period",
          "title": "统计期限",
          "x-order": 3
        },
        "publicationDate": {
          "$ref": "#/$defs/date",
          "title": "发布日期",
          "x-order": 4
        },
        "contact": {
          "$ref": "#/$defs/contact",
          "title": "联系方式",
          "x-order": 5
        },
        "electronicVersion": {
          "$ref": "#/$defs/electronicVersion",
          "title": "电子版发布位置",
          "x-order": 6
        }
      }
    },
    "applicantCounts": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "naturalPerson",
        "legalPersonOrOtherOrganization",
        "total"
      ],
      "properties": {
        "naturalPerson": {
          "$ref": "#/$defs/count",
          "title": "自然人",
          "x-order": 1
        },
        "legalPersonOrOtherOrganization": {
          "$ref": "#/$defs/legalPersonCounts",
          "title": "法人或其他组织",
          "x-order": 2
        },
        "total": {
          "$ref": "#/$defs/count",
          "title": "总计",
          "x-order": 3
        }
      },
      "x-row": true,
      "description": "表三的一行：按申请人类别的7个数。"
    },
    "legalPersonCounts": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "commercialEnterprise",
        "researchInstitution",
        "publicInterestOrganization",
        "legalServiceAgency",
        "other"
      ],
      "properties": {
        "commercialEnterprise": {
          "$ref": "#/$defs/count",
          "title": "商业企业",
          "x-order": 1
        },
        "researchInstitution": {
          "$ref": "#/$defs/count",
          "title": "科研机构",
          "x-order": 2
        },
        "publicInterestOrganization": {
          "$ref": "#/$defs/count",
          "title": "社会公益组织",
          "x-order": 3
        },
        "legalServiceAgency": {
          "$ref": "#/$defs/count",
          "title": "法律服务机构",
          "x-order": 4
        },
        "other": {
          "$ref": "#/$defs/count",
          "title": "其他",
          "x-order": 5
        }
      }
    },
    "notDisclosedReasons": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "stateSecret",
        "prohibitedByLaw",
        "endangersSecurityOrStability",
        "thirdPartyRights",
        "internalAffairs",
        "processInformation",
        "lawEnforcementFiles",
        "administrativeInquiry"
      ],
      "properties": {
        "stateSecret": {
          "$ref": "#/$defs/applicantCounts",
          "title": "1.属于国家秘密",
          "x-order": 1
        },
        "prohibitedByLaw": {
          "$ref": "#/$defs/applicantCounts",
          "title": "2.其他法律行政法规禁止公开",
          "x-order": 2
        },
        "endangersSecurityOrStability": {
          "$ref": "#/$defs/applicantCounts",
          "title": "3.危及“三安全一稳定”",
          "x-order": 3
        },
        "thirdPartyRights": {
          "$ref": "#/$defs/applicantCounts",
          "title": "4.保护第三方合法权益",
          "x-order": 4
        },
        "internalAffairs": {
          "$ref": "#/$defs/applicantCounts",
          "title": "5.属于三类内部事务信息",
          "x-order": 5
        },
        "processInformation": {
          "$ref": "#/$defs/applicantCounts",
          "title": "6.属于四类过程性信息",
          "x-order": 6
        },
        "lawEnforcementFiles": {
          "$ref": "#/$defs/applicantCounts",
          "title": "7.属于行政执法案卷",
          "x-order": 7
        },
        "administrativeInquiry": {
          "$ref": "#/$defs/applicantCounts",
          "title": "8.属于行政查询事项",
          "x-order": 8
        }
      }
    },
    "unableToProvideReasons": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "notHeld",
        "needsCreation",
        "unclearAfterCorrection"
      ],
      "properties": {
        "notHeld": {
          "$ref": "#/$defs/applicantCounts",
          "title": "1.本机关不掌握相关政府信息",
          "x-order": 1
        },
        "needsCreation": {
          "$ref": "#/$defs/applicantCounts",
          "title": "2.没有现成信息需要另行制作",
          "x-order": 2
        },
        "unclearAfterCorrection": {
          "$ref": "#/$defs/applicantCounts",
          "title": "3.补正后申请内容仍不明确",
          "x-order": 3
        }
      }
    },
    "notProcessedReasons": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "petitionOrComplaint",
        "repeatedApplication",
        "publishedMaterial",
        "massRepeatedApplications",
        "confirmationOrReissue"
      ],
      "properties": {
        "petitionOrComplaint": {
          "$ref": "#/$defs/applicantCounts",
          "title": "1.信访举报投诉类申请",
          "x-order": 1
        },
        "repeatedApplication": {
          "$ref": "#/$defs/applicantCounts",
          "title": "2.重复申请",
          "x-order": 2
        },
        "publishedMaterial": {
          "$ref": "#/$defs/applicantCounts",
          "title": "3.要求提供公开出版物",
          "x-order": 3
        },
        "massRepeatedApplications": {
          "$ref": "#/$defs/applicantCounts",
          "title": "4.无正当理由大量反复申请",
          "x-order": 4
        },
        "confirmationOrReissue": {
          "$ref": "#/$defs/applicantCounts",
          "title": "5.要求行政机关确认或重新出具已获取信息",
          "x-order": 5
        }
      }
    },
    "reviewOutcomes": {
      "type": "object",
      "description": "行政复议或行政诉讼的一组5个数。",
      "additionalProperties": false,
      "required": [
        "upheld",
        "corrected",
        "otherResult",
        "pending",
        "total"
      ],
      "properties": {
        "upheld": {
          "$ref": "#/$defs/count",
          "title": "结果维持",
          "x-order": 1
        },
        "corrected": {
          "$ref": "#/$defs/count",
          "title": "结果纠正",
          "x-order": 2
        },
        "otherResult": {
          "$ref": "#/$defs/count",
          "title": "其他结果",
          "x-order": 3
        },
        "pending": {
          "$ref": "#/$defs/count",
          "title": "尚未审结",
          "x-order": 4
        },
        "total": {
          "$ref": "#/$defs/count",
          "title": "总计",
          "x-order": 5
        }
      }
    },
    "litigation": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "withoutReconsideration",
        "afterReconsideration"
      ],
      "properties": {
        "withoutReconsideration": {
          "$ref": "#/$defs/reviewOutcomes",
          "title": "未经复议直接起诉",
          "x-order": 1
        },
        "afterReconsideration": {
          "$ref": "#/$defs/reviewOutcomes",
          "title": "复议后起诉",
          "x-order": 2
        }
      }
    },
    "reviewAndLitigationTable": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "administrativeReconsideration",
        "administrativeLitigation"
      ],
      "properties": {
        "administrativeReconsideration": {
          "$ref": "#/$defs/reviewOutcomes",
          "title": "行政复议",
          "x-order": 1
        },
        "administrativeLitigation": {
          "$ref": "#/$defs/litigation",
          "title": "行政诉讼",
          "x-order": 2
        }
      },
      "x-row": true,
      "description": "表四：政府信息公开行政复议、行政诉讼情况（15个数）。"
    },
    "overviewSection": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "proactiveDisclosure",
        "requestDisclosure",
        "informationManagement",
        "platformBuilding",
        "oversight"
      ],
      "properties": {
        "introduction": {
          "$ref": "#/$defs/paragraphs",
          "title": "概述",
          "x-order": 1
        },
        "proactiveDisclosure": {
          "$ref": "#/$defs/topic",
          "title": "主动公开",
          "x-order": 2
        },
        "requestDisclosure": {
          "$ref": "#/$defs/topic",
          "title": "依申请公开",
          "x-order": 3
        },
        "informationManagement": {
          "$ref": "#/$defs/topic",
          "title": "政府信息管理",
          "x-order": 4
        },
        "platformBuilding": {
          "$ref": "#/$defs/topic",
          "title": "政府信息公开平台建设",
          "x-order": 5
        },
        "oversight": {
          "$ref": "#/$defs/topic",
          "title": "监督保障",
          "x-order": 6
        }
      }
    },
    "proactiveDisclosureSection": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "table"
      ],
      "properties": {
        "paragraphs": {
          "$ref": "#/$defs/paragraphs",
          "title": "说明",
          "x-order": 1
        },
        "table": {
          "$ref": "#/$defs/proactiveDisclosureTable",
          "title": "主动公开政府信息情况",
          "x-order": 2
        }
      }
    },
    "applicationsSection": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "table"
      ],
      "properties": {
        "paragraphs": {
          "$ref": "#/$defs/paragraphs",
          "title": "说明",
          "x-order": 1
        },
        "table": {
          "$ref": "#/$defs/applicationsTable",
          "title": "收到和处理政府信息公开申请情况",
          "x-order": 2
        }
      }
    },
    "reviewAndLitigationSection": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "table"
      ],
      "properties": {
        "paragraphs": {
          "$ref": "#/$defs/paragraphs",
          "title": "说明",
          "x-order": 1
        },
        "table": {
          "$ref": "#/$defs/reviewAndLitigationTable",
          "title": "政府信息公开行政复议、行政诉讼情况",
          "x-order": 2
        }
      }
    },
    "problemsSection": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "problems",
        "improvements"
      ],
      "properties": {
        "introduction": {
          "$ref": "#/$defs/paragraphs",
          "title": "概述",
          "x-order": 1
        },
        "problems": {
          "$ref": "#/$defs/topic",
          "title": "存在的主要问题",
          "x-order": 2
        },
        "improvements": {
          "$ref": "#/$defs/topic",
          "title": "改进情况",
          "x-order": 3
        }
      }
    },
    "applicationsTable": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "newApplications",
        "carriedOverFromLastYear",
        "results",
        "carriedOverToNextYear"
      ],
      "properties": {
        "newApplications": {
          "$ref": "#/$defs/applicantCounts",
          "title": "一、本年新收政府信息公开申请数量",
          "x-order": 1
        },
        "carriedOverFromLastYear": {
          "$ref": "#/$defs/applicantCounts",
          "title": "二、上年结转政府信息公开申请数量",
          "x-order": 2
        },
        "results": {
          "$ref": "#/$defs/applicationResults",
          "title": "三、本年度办理结果",
          "x-order": 3
        },
        "carriedOverToNextYear": {
          "$ref": "#/$defs/applicantCounts",
          "title": "四、结转下年度继续办理",
          "x-order": 4
        }
      },
      "description": "表三：收到和处理政府信息公开申请情况。",
      "x-corner": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      "x-columnHeader": "申请人情况"
    },
    "otherHandlingReasons": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "overdueCorrection",
        "overdueFee",
        "other"
      ],
      "properties": {
        "overdueCorrection": {
          "$ref": "#/$defs/applicantCounts",
          "title": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
          "x-order": 1
        },
        "overdueFee": {
          "$ref": "#/$defs/applicantCounts",
          "title": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
          "x-order": 2
        },
        "other": {
          "$ref": "#/$defs/applicantCounts",
          "title": "3.其他",
          "x-order": 3
        }
      }
    },
    "applicationResults": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "disclosed",
        "partiallyDisclosed",
        "notDisclosed",
        "unableToProvide",
        "notProcessed",
        "otherHandling",
        "total"
      ],
      "properties": {
        "disclosed": {
          "$ref": "#/$defs/applicantCounts",
          "title": "（一）予以公开",
          "x-order": 1
        },
        "partiallyDisclosed": {
          "$ref": "#/$defs/applicantCounts",
          "title": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
          "x-order": 2
        },
        "notDisclosed": {
          "$ref": "#/$defs/notDisclosedReasons",
          "title": "（三）不予公开",
          "x-order": 3
        },
        "unableToProvide": {
          "$ref": "#/$defs/unableToProvideReasons",
          "title": "（四）无法提供",
          "x-order": 4
        },
        "notProcessed": {
          "$ref": "#/$defs/notProcessedReasons",
          "title": "（五）不予处理",
          "x-order": 5
        },
        "otherHandling": {
          "$ref": "#/$defs/otherHandlingReasons",
          "title": "（六）其他处理",
          "x-order": 6
        },
        "total": {
          "$ref": "#/$defs/applicantCounts",
          "title": "（七）总计",
          "x-order": 7
        }
      }
    },
    "decimalAmount": {
      "type": [
        "string",
        "null"
      ],
      "pattern": "^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?$",
      "description": "金额：十进制数字字符串，最多4位小数，如 \"59237.2449\"（用字符串以免丢失或虚增小数）。null：原报告未填报（仅限导入的报告）。"
    },
    "documentCounts": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "issued",
        "repealed",
        "inForce"
      ],
      "properties": {
        "issued": {
          "$ref": "#/$defs/count",
          "title": "本年制发件数",
          "x-order": 1
        },
        "repealed": {
          "$ref": "#/$defs/count",
          "title": "本年废止件数",
          "x-order": 2
        },
        "inForce": {
          "$ref": "#/$defs/count",
          "title": "现行有效件数",
          "x-order": 3
        }
      },
      "x-row": true
    },
    "decisionCounts": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "decisions"
      ],
      "properties": {
        "decisions": {
          "$ref": "#/$defs/count",
          "title": "本年处理决定数量",
          "x-order": 1
        }
      },
      "x-row": true
    },
    "feeAmount": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "amount"
      ],
      "properties": {
        "amount": {
          "$ref": "#/$defs/decimalAmount",
          "title": "本年收费金额（单位：万元）",
          "x-order": 1
        }
      },
      "x-row": true
    },
    "article20Item1": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "regulations",
        "normativeDocuments"
      ],
      "properties": {
        "regulations": {
          "$ref": "#/$defs/documentCounts",
          "title": "规章",
          "x-order": 1
        },
        "normativeDocuments": {
          "$ref": "#/$defs/documentCounts",
          "title": "行政规范性文件",
          "x-order": 2
        }
      },
      "x-rowHeader": "信息内容",
      "description": "第二十条第（一）项"
    },
    "article20Item5": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "administrativeLicensing"
      ],
      "properties": {
        "administrativeLicensing": {
          "$ref": "#/$defs/decisionCounts",
          "title": "行政许可",
          "x-order": 1
        }
      },
      "x-rowHeader": "信息内容",
      "description": "第二十条第（五）项"
    },
    "article20Item6": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "administrativePunishment",
        "administrativeCoercion"
      ],
      "properties": {
        "administrativePunishment": {
          "$ref": "#/$defs/decisionCounts",
          "title": "行政处罚",
          "x-order": 1
        },
        "administrativeCoercion": {
          "$ref": "#/$defs/decisionCounts",
          "title": "行政强制",
          "x-order": 2
        }
      },
      "x-rowHeader": "信息内容",
      "description": "第二十条第（六）项"
    },
    "article20Item8": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "administrativeFees"
      ],
      "properties": {
        "administrativeFees": {
          "$ref": "#/$defs/feeAmount",
          "title": "行政事业性收费",
          "x-order": 1
        }
      },
      "x-rowHeader": "信息内容",
      "description": "第二十条第（八）项"
    },
    "proactiveDisclosureTable": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "article20Item1",
        "article20Item5",
        "article20Item6",
        "article20Item8"
      ],
      "properties": {
        "article20Item1": {
          "$ref": "#/$defs/article20Item1",
          "title": "第二十条第（一）项",
          "x-order": 1
        },
        "article20Item5": {
          "$ref": "#/$defs/article20Item5",
          "title": "第二十条第（五）项",
          "x-order": 2
        },
        "article20Item6": {
          "$ref": "#/$defs/article20Item6",
          "title": "第二十条第（六）项",
          "x-order": 3
        },
        "article20Item8": {
          "$ref": "#/$defs/article20Item8",
          "title": "第二十条第（八）项",
          "x-order": 4
        }
      },
      "description": "表二：主动公开政府信息情况（2021年格式）。"
    }
  }
};

export const rules2021: RuleSet = {
  "$schema": "urn:nianbao:schema:rules:v1",
  "edition": "2021",
  "description": "Data rules of the 2021 edition of the national format. Evaluated by @nianbao/validator; add your own rules in a file of the same form.",
  "rules": [
    {
      "id": "S-EDITION",
      "severity": "error",
      "title": {
        "zh": "格式版本与报告年度一致",
        "en": "Edition matches the report year"
      },
      "message": {
        "zh": "报告年度为{actual}年，但本报告使用2021年格式（国办公开办函〔2021〕30号，用于2021年度起的报告）；2019、2020年度报告应使用2019年格式（国办公开办函〔2019〕60号）。",
        "en": "The report year is {actual}, but the report uses the 2021 edition (国办公开办函〔2021〕30号, for reports from 2021 on); the 2019 and 2020 reports use the 2019 edition (国办公开办函〔2019〕60号)."
      },
      "checks": [
        {
          "type": "range",
          "at": "/metadata/reportYear",
          "min": 2021
        }
      ]
    },
    {
      "id": "S-FILLED",
      "severity": "error",
      "title": {
        "zh": "统计表每个单元格都已填写",
        "en": "Every table cell is filled in"
      },
      "message": {
        "zh": "{location}未填写：每个单元格都应填写数字，没有发生的填0。",
        "en": "{location} is not filled in: every cell needs a number (0 when nothing happened)."
      },
      "when": [
        {
          "absent": "/provenance"
        }
      ],
      "checks": [
        {
          "type": "notNull",
          "at": [
            "/sections/proactiveDisclosure/table",
            "/sections/applications/table",
            "/sections/reviewAndLitigation/table"
          ]
        }
      ]
    },
    {
      "id": "I-NOTREPORTED",
      "severity": "warning",
      "title": {
        "zh": "原报告未填报的单元格",
        "en": "Cells the published report left blank"
      },
      "message": {
        "zh": "{location}在原报告中未填报（空白、“/”或“—”），不按0处理；依赖它的校验无法判断。",
        "en": "{location} was not reported in the published report (blank, \"/\" or \"—\"); it is not taken as 0, and the rules that depend on it cannot be assessed."
      },
      "when": [
        {
          "present": "/provenance"
        }
      ],
      "checks": [
        {
          "type": "notNull",
          "at": [
            "/sections/proactiveDisclosure/table",
            "/sections/applications/table",
            "/sections/reviewAndLitigation/table"
          ]
        }
      ]
    },
    {
      "id": "B-ROW",
      "severity": "error",
      "title": {
        "zh": "表三每行：总计等于各类申请人之和",
        "en": "Table 三, every row: 总计 equals the sum of the applicant columns"
      },
      "message": {
        "zh": "{row}：总计应为{expected}（自然人与法人或其他组织各列之和），实为{actual}。",
        "en": "{row}: 总计 should be {expected} (the sum of the applicant columns) but is {actual}."
      },
      "base": "/sections/applications/table",
      "forEach": {
        "row": [
          "newApplications",
          "carriedOverFromLastYear",
          "results/disclosed",
          "results/partiallyDisclosed",
          "results/notDisclosed/stateSecret",
          "results/notDisclosed/prohibitedByLaw",
          "results/notDisclosed/endangersSecurityOrStability",
          "results/notDisclosed/thirdPartyRights",
          "results/notDisclosed/internalAffairs",
          "results/notDisclosed/processInformation",
          "results/notDisclosed/lawEnforcementFiles",
          "results/notDisclosed/administrativeInquiry",
          "results/unableToProvide/notHeld",
          "results/unableToProvide/needsCreation",
          "results/unableToProvide/unclearAfterCorrection",
          "results/notProcessed/petitionOrComplaint",
          "results/notProcessed/repeatedApplication",
          "results/notProcessed/publishedMaterial",
          "results/notProcessed/massRepeatedApplications",
          "results/notProcessed/confirmationOrReissue",
          "results/otherHandling/overdueCorrection",
          "results/otherHandling/overdueFee",
          "results/otherHandling/other",
          "results/total",
          "carriedOverToNextYear"
        ]
      },
      "checks": [
        {
          "type": "compare",
          "left": [
            "{row}/total"
          ],
          "op": "==",
          "right": [
            "{row}/naturalPerson",
            "{row}/legalPersonOrOtherOrganization/commercialEnterprise",
            "{row}/legalPersonOrOtherOrganization/researchInstitution",
            "{row}/legalPersonOrOtherOrganization/publicInterestOrganization",
            "{row}/legalPersonOrOtherOrganization/legalServiceAgency",
            "{row}/legalPersonOrOtherOrganization/other"
          ]
        }
      ]
    },
    {
      "id": "B-RESULTS",
      "severity": "error",
      "title": {
        "zh": "表三每列：（七）总计等于各项办理结果之和",
        "en": "Table 三, every column: （七）总计 equals the sum of the results"
      },
      "message": {
        "zh": "（七）总计·{column}应为{expected}（（一）至（六）各项办理结果之和），实为{actual}。",
        "en": "（七）总计, column {column}: should be {expected} (the sum of results （一） to （六）) but is {actual}."
      },
      "base": "/sections/applications/table",
      "forEach": {
        "col": [
          "naturalPerson",
          "legalPersonOrOtherOrganization/commercialEnterprise",
          "legalPersonOrOtherOrganization/researchInstitution",
          "legalPersonOrOtherOrganization/publicInterestOrganization",
          "legalPersonOrOtherOrganization/legalServiceAgency",
          "legalPersonOrOtherOrganization/other",
          "total"
        ]
      },
      "checks": [
        {
          "type": "compare",
          "left": [
            "results/total/{col}"
          ],
          "op": "==",
          "right": [
            "results/disclosed/{col}",
            "results/partiallyDisclosed/{col}",
            "results/notDisclosed/stateSecret/{col}",
            "results/notDisclosed/prohibitedByLaw/{col}",
            "results/notDisclosed/endangersSecurityOrStability/{col}",
            "results/notDisclosed/thirdPartyRights/{col}",
            "results/notDisclosed/internalAffairs/{col}",
            "results/notDisclosed/processInformation/{col}",
            "results/notDisclosed/lawEnforcementFiles/{col}",
            "results/notDisclosed/administrativeInquiry/{col}",
            "results/unableToProvide/notHeld/{col}",
            "results/unableToProvide/needsCreation/{col}",
            "results/unableToProvide/unclearAfterCorrection/{col}",
            "results/notProcessed/petitionOrComplaint/{col}",
            "results/notProcessed/repeatedApplication/{col}",
            "results/notProcessed/publishedMaterial/{col}",
            "results/notProcessed/massRepeatedApplications/{col}",
            "results/notProcessed/confirmationOrReissue/{col}",
            "results/otherHandling/overdueCorrection/{col}",
            "results/otherHandling/overdueFee/{col}",
            "results/otherHandling/other/{col}"
          ]
        }
      ]
    },
    {
      "id": "B-BALANCE",
      "severity": "error",
      "title": {
        "zh": "表三勾稽关系：第一项加第二项之和，等于第三项加第四项之和",
        "en": "Table 三 balance: 一 + 二 = 三（七）总计 + 四"
      },
      "message": {
        "zh": "{column}列不平衡：一、本年新收与二、上年结转之和为{actual}，（七）总计与四、结转下年度之和为{expected}。",
        "en": "Column {column} does not balance: 一 (new) + 二 (carried over) = {actual}, but （七）总计 + 四 (carried to next year) = {expected}."
      },
      "base": "/sections/applications/table",
      "forEach": {
        "col": [
          "naturalPerson",
          "legalPersonOrOtherOrganization/commercialEnterprise",
          "legalPersonOrOtherOrganization/researchInstitution",
          "legalPersonOrOtherOrganization/publicInterestOrganization",
          "legalPersonOrOtherOrganization/legalServiceAgency",
          "legalPersonOrOtherOrganization/other",
          "total"
        ]
      },
      "checks": [
        {
          "type": "compare",
          "at": "carriedOverToNextYear/{col}",
          "left": [
            "newApplications/{col}",
            "carriedOverFromLastYear/{col}"
          ],
          "op": "==",
          "right": [
            "results/total/{col}",
            "carriedOverToNextYear/{col}"
          ]
        }
      ]
    },
    {
      "id": "C-SUM",
      "severity": "error",
      "title": {
        "zh": "表四每组：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
        "en": "Table 四, every block: 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结"
      },
      "message": {
        "zh": "{column}应为{expected}（结果维持、结果纠正、其他结果、尚未审结之和），实为{actual}。",
        "en": "{column} should be {expected} (upheld + corrected + other + pending) but is {actual}."
      },
      "base": "/sections/reviewAndLitigation/table",
      "forEach": {
        "block": [
          "administrativeReconsideration",
          "administrativeLitigation/withoutReconsideration",
          "administrativeLitigation/afterReconsideration"
        ]
      },
      "checks": [
        {
          "type": "compare",
          "left": [
            "{block}/total"
          ],
          "op": "==",
          "right": [
            "{block}/upheld",
            "{block}/corrected",
            "{block}/otherResult",
            "{block}/pending"
          ]
        }
      ]
    },
    {
      "id": "X-CARRY",
      "severity": "warning",
      "title": {
        "zh": "上年结转等于上一年度报告的结转下年度继续办理",
        "en": "二 (carried over) equals last year's 四 (carried to next year)"
      },
      "message": {
        "zh": "二、上年结转·{column}为{actual}，但上一年度报告的四、结转下年度继续办理为{expected}。",
        "en": "二 (carried over from last year), column {column}, is {actual}, but last year's report carried {expected} over (四)."
      },
      "base": "/sections/applications/table",
      "needsPrevious": true,
      "forEach": {
        "col": [
          "naturalPerson",
          "legalPersonOrOtherOrganization/commercialEnterprise",
          "legalPersonOrOtherOrganization/researchInstitution",
          "legalPersonOrOtherOrganization/publicInterestOrganization",
          "legalPersonOrOtherOrganization/legalServiceAgency",
          "legalPersonOrOtherOrganization/other",
          "total"
        ]
      },
      "checks": [
        {
          "type": "compare",
          "left": [
            "carriedOverFromLastYear/{col}"
          ],
          "op": "==",
          "right": [
            "prev:carriedOverToNextYear/{col}"
          ]
        }
      ]
    },
    {
      "id": "X-VALID",
      "severity": "warning",
      "title": {
        "zh": "现行有效件数与上年衔接",
        "en": "现行有效件数 follows from last year"
      },
      "message": {
        "zh": "{row}：现行有效件数为{actual}，按上一年度现行有效件数加本年制发、减本年废止应为{expected}（如因失效、修订等原因不同，请核实）。",
        "en": "{row}: 现行有效件数 is {actual}; last year's figure plus issued minus repealed gives {expected} (expiry or amendment can explain a difference: please check)."
      },
      "base": "/sections/proactiveDisclosure/table/article20Item1",
      "needsPrevious": true,
      "forEach": {
        "doc": [
          "regulations",
          "normativeDocuments"
        ]
      },
      "checks": [
        {
          "type": "compare",
          "left": [
            "{doc}/inForce"
          ],
          "op": "==",
          "right": [
            "prev:{doc}/inForce",
            "{doc}/issued",
            "-{doc}/repealed"
          ]
        }
      ]
    },
    {
      "id": "M-PERIOD",
      "severity": "warning",
      "title": {
        "zh": "统计期限为报告年度的1月1日至12月31日",
        "en": "The statistics period is 1 January to 31 December of the report year"
      },
      "message": {
        "zh": "统计期限为{actual}，应为{expected}（报告年度全年）。",
        "en": "The statistics period is {actual}; it should be {expected} (the whole report year)."
      },
      "checks": [
        {
          "type": "periodCoversYear",
          "at": "/metadata/statisticsPeriod",
          "year": "/metadata/reportYear"
        }
      ]
    },
    {
      "id": "M-DEADLINE",
      "severity": "warning",
      "title": {
        "zh": "在法定期限内发布（《条例》第四十九条）",
        "en": "Published by the statutory deadline (Regulations, article 49)"
      },
      "message": {
        "zh": "发布日期{actual}晚于法定期限{expected}（{label}）。",
        "en": "Published on {actual}, after the statutory deadline of {expected} ({label})."
      },
      "checks": [
        {
          "type": "deadline",
          "at": "/metadata/publicationDate",
          "year": "/metadata/reportYear",
          "cases": [
            {
              "match": {
                "/metadata/agency/kind": [
                  "department",
                  "authorized-organization"
                ],
                "/metadata/agency/level": [
                  "national",
                  "provincial",
                  "municipal",
                  "county"
                ]
              },
              "monthDay": "01-31",
              "label": {
                "zh": "县级以上人民政府部门应于每年1月31日前公布本机关上一年度报告",
                "en": "departments of governments at county level or above publish by 31 January"
              }
            },
            {
              "match": {
                "/metadata/agency/kind": [
                  "government"
                ],
                "/metadata/agency/level": [
                  "provincial",
                  "municipal",
                  "county"
                ]
              },
              "monthDay": "03-31",
              "label": {
                "zh": "县级以上地方人民政府应于每年3月31日前公布本级政府上一年度报告",
                "en": "local governments at county level or above publish by 31 March"
              }
            }
          ]
        }
      ]
    },
    {
      "id": "M-IDS",
      "severity": "warning",
      "title": {
        "zh": "机关代码格式正确",
        "en": "Agency codes are well formed"
      },
      "message": {
        "zh": "统一社会信用代码{actual}不符合GB 32100-2015（长度、字符或校验码错误）。",
        "en": "The 统一社会信用代码 {actual} does not conform to GB 32100-2015 (length, characters or check character)."
      },
      "checks": [
        {
          "type": "unifiedSocialCreditCode",
          "at": "/metadata/agency/unifiedSocialCreditCode"
        },
        {
          "type": "pattern",
          "at": "/metadata/agency/administrativeDivisionCode",
          "pattern": "^[0-9]{6}$",
          "message": {
            "zh": "行政区划代码{actual}应为6位数字（GB/T 2260）。",
            "en": "The 行政区划代码 {actual} should be 6 digits (GB/T 2260)."
          }
        }
      ]
    },
    {
      "id": "T-FEE",
      "severity": "warning",
      "title": {
        "zh": "发出收费通知的，第六部分说明信息处理费收取情况",
        "en": "Fee notices issued: section 六 reports the 信息处理费"
      },
      "message": {
        "zh": "表三（六）其他处理第2项（逾期未缴纳费用）总计为{value}，说明本年发出过收费通知，但“六、其他需要报告的事项”未说明信息处理费收取情况（国办函〔2020〕109号）。",
        "en": "Table 三 （六）2 (applicant did not pay the fee) totals {value}, so fee notices were issued, but section 六 never mentions the 信息处理费 (国办函〔2020〕109号)."
      },
      "when": [
        {
          "left": [
            "/sections/applications/table/results/otherHandling/overdueFee/total"
          ],
          "op": ">",
          "right": [
            0
          ]
        }
      ],
      "checks": [
        {
          "type": "mentions",
          "at": [
            "/sections/otherMatters"
          ],
          "anyOf": [
            "信息处理费"
          ]
        }
      ]
    },
    {
      "id": "M-URL",
      "severity": "error",
      "title": {
        "zh": "网址是 http 或 https 网址",
        "en": "The web address is an http or https address"
      },
      "message": {
        "zh": "{location}为“{actual}”：只接受以 http:// 或 https:// 开头的网址（javascript:、data:、file: 等网址在发布的网页中可被利用）。",
        "en": "{location} is \"{actual}\": only addresses starting with http:// or https:// are accepted (javascript:, data:, file: and other schemes can be abused in the published page)."
      },
      "checks": [
        {
          "type": "pattern",
          "at": "/metadata/electronicVersion/url",
          "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#@:]+(?::[0-9]{1,5})?(?:[/?#]\\S*)?$"
        }
      ]
    },
    {
      "id": "M-EMAIL",
      "severity": "error",
      "title": {
        "zh": "电子邮箱格式正确",
        "en": "The e-mail address is well formed"
      },
      "message": {
        "zh": "{location}为“{actual}”，不是有效的电子邮箱地址（应形如 name@example.gov.cn）。",
        "en": "{location} is \"{actual}\", which is not a valid e-mail address (it should look like name@example.gov.cn)."
      },
      "checks": [
        {
          "type": "pattern",
          "at": "/metadata/contact/email",
          "pattern": "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
        }
      ]
    },
    {
      "id": "I-CONTROL",
      "severity": "error",
      "title": {
        "zh": "文字中没有控制字符",
        "en": "No control characters in the text"
      },
      "message": {
        "zh": "{location}含有控制字符 {word}（第{expected}个字符起）：这些字符看不见，会破坏发布的网页和数据，通常来自复制粘贴，请删除。",
        "en": "{location} contains the control character(s) {word} (from character {expected}): they are invisible, break the published page and data, and usually come from copying and pasting. Remove them."
      },
      "checks": [
        {
          "type": "characters",
          "at": [
            "/metadata",
            "/preface",
            "/sections"
          ],
          "pattern": "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]",
          "label": {
            "zh": "控制字符",
            "en": "control characters"
          }
        }
      ]
    },
    {
      "id": "I-SURROGATE",
      "severity": "error",
      "title": {
        "zh": "文字中没有残缺的字符",
        "en": "No broken characters in the text"
      },
      "message": {
        "zh": "{location}含有残缺的字符 {word}（单独的代理项，第{expected}个字符起）：它无法保存为 UTF-8，通常是截断或转换出错所致，请重新输入该处文字。",
        "en": "{location} contains broken character(s) {word} (lone surrogates, from character {expected}): they cannot be written as UTF-8 and usually come from a cut or a failed conversion. Retype the text there."
      },
      "checks": [
        {
          "type": "characters",
          "at": [
            "/metadata",
            "/preface",
            "/sections"
          ],
          "pattern": "\\p{Cs}",
          "label": {
            "zh": "单独的代理项",
            "en": "lone surrogates"
          }
        }
      ]
    },
    {
      "id": "I-BIDI",
      "severity": "warning",
      "title": {
        "zh": "文字中没有改变书写方向的控制符",
        "en": "No bidirectional overrides in the text"
      },
      "message": {
        "zh": "{location}含有改变文字显示方向的控制符 {word}（第{expected}个字符起）：显示出的文字可能与实际内容不同，请核实并删除。",
        "en": "{location} contains bidirectional control character(s) {word} (from character {expected}): the text may display differently from what it contains. Check it and remove them."
      },
      "checks": [
        {
          "type": "characters",
          "at": [
            "/metadata",
            "/preface",
            "/sections"
          ],
          "pattern": "[\\u202A-\\u202E\\u2066-\\u2069]",
          "label": {
            "zh": "双向文字控制符",
            "en": "bidirectional overrides"
          }
        }
      ]
    },
    {
      "id": "T-EMPTY",
      "severity": "warning",
      "title": {
        "zh": "“存在的主要问题及改进情况”有实际内容",
        "en": "Section 五 (problems and improvements) has real content"
      },
      "message": {
        "zh": "“五、存在的主要问题及改进情况”为空或只有“{actual}”：2021年格式要求如实说明存在的问题和改进措施，避免敷衍塞责。",
        "en": "Section 五 (problems and improvements) is empty or only \"{actual}\": state the real problems and the improvements."
      },
      "checks": [
        {
          "type": "substantive",
          "at": [
            "/sections/problemsAndImprovements"
          ],
          "minChars": 10,
          "placeholders": [
            "无",
            "暂无",
            "没有",
            "无问题",
            "不存在问题",
            "略"
          ]
        }
      ]
    },
    {
      "id": "T-TEXT",
      "severity": "warning",
      "title": {
        "zh": "正文所述件数与统计表一致",
        "en": "Counts stated in the text agree with the tables"
      },
      "message": {
        "zh": "{paragraph}称“{value}”，但统计表为{expected}。",
        "en": "{paragraph} says \"{value}\", but the tables give {expected}."
      },
      "checks": [
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/newApplications/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "(?:收到|受理|新收)(?:各类|各类政府信息公开|政府信息公开|依申请公开)?申请(?:共|合计|总计)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件",
            "共(?:收到|受理|新收)(?:各类|政府信息公开|依申请公开)?申请\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/results/total/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "(?:答复|办结)(?:政府信息公开|依申请公开)?申请(?:共|合计|总计)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件",
            "(?:共|合计)(?:答复|办结)(?:政府信息公开|依申请公开)?(?:申请)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件",
            "(?:已|均已|全部)?办结\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/results/disclosed/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "予以公开\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/results/partiallyDisclosed/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "(?<!公开[及和与、])部分公开\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/results/disclosed/total",
            "/sections/applications/table/results/partiallyDisclosed/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "予以公开[及和与、]部分公开(?:共|合计|总计)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/results/notDisclosed/stateSecret/total",
            "/sections/applications/table/results/notDisclosed/prohibitedByLaw/total",
            "/sections/applications/table/results/notDisclosed/endangersSecurityOrStability/total",
            "/sections/applications/table/results/notDisclosed/thirdPartyRights/total",
            "/sections/applications/table/results/notDisclosed/internalAffairs/total",
            "/sections/applications/table/results/notDisclosed/processInformation/total",
            "/sections/applications/table/results/notDisclosed/lawEnforcementFiles/total",
            "/sections/applications/table/results/notDisclosed/administrativeInquiry/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "不予公开\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/applications/table/carriedOverToNextYear/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "结转下年度(?:继续办理)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeReconsideration/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "(?:政府信息公开)?行政复议(?:案件)?(?:共|合计)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeReconsideration/upheld"
          ],
          "patterns": [
            "行政复议[^。；]{0,30}?维持(?:原具体行政行为|原行政行为)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeReconsideration/corrected"
          ],
          "patterns": [
            "行政复议[^。；]{0,30}?(?<!不予)纠正\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeReconsideration/pending"
          ],
          "patterns": [
            "行政复议[^。；]{0,30}?尚未审结\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeLitigation/withoutReconsideration/total",
            "/sections/reviewAndLitigation/table/administrativeLitigation/afterReconsideration/total"
          ],
          "totalsFromParts": true,
          "patterns": [
            "(?:政府信息公开)?行政诉讼(?:案件)?(?:共|合计)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeLitigation/withoutReconsideration/upheld",
            "/sections/reviewAndLitigation/table/administrativeLitigation/afterReconsideration/upheld"
          ],
          "patterns": [
            "行政诉讼[^。；]{0,30}?维持(?:原具体行政行为|原行政行为)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeLitigation/withoutReconsideration/corrected",
            "/sections/reviewAndLitigation/table/administrativeLitigation/afterReconsideration/corrected"
          ],
          "patterns": [
            "行政诉讼[^。；]{0,30}?(?<!不予)纠正\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/reviewAndLitigation/table/administrativeLitigation/withoutReconsideration/pending",
            "/sections/reviewAndLitigation/table/administrativeLitigation/afterReconsideration/pending"
          ],
          "patterns": [
            "行政诉讼[^。；]{0,30}?尚未审结\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*(?:件|起)"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/proactiveDisclosure/table/article20Item1/normativeDocuments/inForce"
          ],
          "patterns": [
            "现行有效(?:的)?行政规范性文件(?:共|合计|总计)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "statedCount",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "equals": [
            "/sections/proactiveDisclosure/table/article20Item1/normativeDocuments/issued"
          ],
          "patterns": [
            "(?:本年度?|今年|全年)制发(?:的)?(?:行政)?规范性文件(?:共|合计|总计)?\\s*(?<n>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\\s*件"
          ]
        },
        {
          "type": "forbiddenText",
          "at": [
            "/preface",
            "/sections/overview",
            "/sections/proactiveDisclosure/paragraphs",
            "/sections/applications/paragraphs",
            "/sections/reviewAndLitigation/paragraphs",
            "/sections/problemsAndImprovements",
            "/sections/otherMatters"
          ],
          "words": [
            "未收到政府信息公开申请",
            "没有收到政府信息公开申请",
            "未收到依申请公开申请"
          ],
          "when": [
            {
              "left": [
                "/sections/applications/table/newApplications/total"
              ],
              "op": ">",
              "right": [
                0
              ]
            }
          ],
          "message": {
            "zh": "{paragraph}称“{word}”，但表三一、本年新收政府信息公开申请数量总计为{expected}。",
            "en": "{paragraph} says \"{word}\" (no applications received), but table 三 row 一 totals {expected}."
          }
        }
      ]
    },
    {
      "id": "T-PUNCT",
      "severity": "warning",
      "title": {
        "zh": "中文里使用全角标点",
        "en": "Full-width punctuation in Chinese text"
      },
      "message": {
        "zh": "{paragraph}在中文中使用了半角标点：{word}。",
        "en": "{paragraph} uses half-width punctuation in Chinese text: {word}."
      },
      "checks": [
        {
          "type": "punctuation",
          "at": [
            "/preface",
            "/sections"
          ],
          "fullWidth": {
            ",": "，",
            "(": "（",
            ")": "）",
            ":": "：",
            ";": "；",
            "?": "？",
            "!": "！"
          }
        }
      ]
    },
    {
      "id": "I-SPAM",
      "severity": "error",
      "title": {
        "zh": "正文疑似被植入垃圾信息（网站被篡改）",
        "en": "The text looks tampered with (spam injected into a hacked site)"
      },
      "message": {
        "zh": "{paragraph}含有疑似植入的垃圾词语“{word}”：请对照本机关留存的原稿核实。",
        "en": "{paragraph} contains \"{word}\", a word typical of spam injected into hacked government sites: check it against the agency's own copy."
      },
      "checks": [
        {
          "type": "forbiddenText",
          "at": [
            "/preface",
            "/sections"
          ],
          "words": [
            "足球比分",
            "365体育",
            "365bet",
            "bet365",
            "足彩",
            "球迷网",
            "五大联赛",
            "美高梅",
            "娛樂城",
            "体育投注",
            "官网投注",
            "德赢",
            "vwin",
            "manbetx",
            "威廉希尔",
            "买球",
            "欧洲杯竞猜",
            "世界杯竞猜",
            "澳门新葡京",
            "澳门威尼斯人",
            "金沙娱乐",
            "皇冠体育",
            "皇冠足球",
            "亚博体育",
            "开云体育",
            "乐鱼体育",
            "九游会",
            "真人百家乐",
            "百家乐",
            "时时彩",
            "六合彩",
            "博彩",
            "成人视频",
            "成人网站",
            "av在线",
            "无码"
          ],
          "patterns": [
            {
              "pattern": "[\\u4e00-\\u9fff][(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）][^(（]{0,30}?[\\u4e00-\\u9fff][(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]",
              "label": {
                "zh": "逐字注音（带声调的拼音，两处相邻）",
                "en": "pinyin with tone marks after two nearby characters"
              }
            },
            {
              "pattern": "(?:[\\u4e00-\\u9fff][(（][a-zA-Z]{1,6}[)）]){3,}",
              "label": {
                "zh": "逐字拼音注音",
                "en": "pinyin after every character"
              }
            },
            {
              "pattern": "(?:锟斤拷|烫烫烫|屯屯屯|\\ufffd{2,})",
              "label": {
                "zh": "乱码",
                "en": "mojibake"
              }
            },
            {
              "pattern": "(?:[\\u00c0-\\u00ff][\\u0080-\\u00bf]){3,}",
              "label": {
                "zh": "乱码",
                "en": "mojibake"
              }
            },
            {
              "pattern": "[锛銆]|[\\u4e00-\\u9fff][\\u3105-\\u3129]|[\\u3105-\\u3129][\\u4e00-\\u9fff]",
              "label": {
                "zh": "乱码（UTF-8 按 GBK 读出）",
                "en": "mojibake (UTF-8 read as GBK)"
              }
            }
          ]
        }
      ]
    }
  ]
} as RuleSet;

export const rulesSchema: JsonSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:nianbao:schema:rules:v1",
  "title": "nianbao rule set",
  "description": "A file of data rules for 政府信息公开工作年度报告 documents: the rules of each edition (rules-2019.json, rules-2021.json) and any rules a government adds of its own. Pointers are JSON Pointers into the report; relative ones are read from the rule's base; `prev:` reads last year's report; `{name}` is replaced by each value of a forEach variable.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "rules"
  ],
  "properties": {
    "$schema": {
      "type": "string"
    },
    "edition": {
      "type": "string",
      "pattern": "^[0-9]{4}$"
    },
    "description": {
      "type": "string"
    },
    "rules": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/rule"
      }
    }
  },
  "$defs": {
    "text": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "zh",
        "en"
      ],
      "properties": {
        "zh": {
          "type": "string",
          "minLength": 1
        },
        "en": {
          "type": "string",
          "minLength": 1
        }
      }
    },
    "pointer": {
      "type": "string",
      "description": "JSON Pointer; relative to the rule's base unless it starts with /."
    },
    "pointers": {
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "#/$defs/pointer"
      }
    },
    "term": {
      "description": "A pointer (optionally prev: for last year's report, optionally - to subtract) or a number.",
      "oneOf": [
        {
          "type": "string",
          "pattern": "^-?(prev:)?[^-]"
        },
        {
          "type": "number"
        }
      ]
    },
    "terms": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/term"
      }
    },
    "op": {
      "enum": [
        "==",
        "!=",
        ">=",
        "<=",
        ">",
        "<"
      ]
    },
    "condition": {
      "oneOf": [
        {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "left",
            "op",
            "right"
          ],
          "properties": {
            "left": {
              "$ref": "#/$defs/terms"
            },
            "op": {
              "$ref": "#/$defs/op"
            },
            "right": {
              "$ref": "#/$defs/terms"
            }
          }
        },
        {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "present"
          ],
          "properties": {
            "present": {
              "$ref": "#/$defs/pointer"
            }
          }
        },
        {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "absent"
          ],
          "properties": {
            "absent": {
              "$ref": "#/$defs/pointer"
            }
          }
        }
      ]
    },
    "conditions": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/condition"
      }
    },
    "rule": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "severity",
        "title",
        "message",
        "checks"
      ],
      "properties": {
        "id": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9-]*$",
          "not": {
            "const": "schema"
          }
        },
        "severity": {
          "enum": [
            "error",
            "warning"
          ]
        },
        "title": {
          "$ref": "#/$defs/text"
        },
        "message": {
          "$ref": "#/$defs/text"
        },
        "base": {
          "$ref": "#/$defs/pointer"
        },
        "forEach": {
          "type": "object",
          "additionalProperties": {
            "type": "array",
            "minItems": 1,
            "items": {
              "type": "string"
            }
          }
        },
        "when": {
          "$ref": "#/$defs/conditions"
        },
        "needsPrevious": {
          "type": "boolean"
        },
        "checks": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/check"
          }
        }
      }
    },
    "check": {
      "type": "object",
      "required": [
        "type"
      ],
      "properties": {
        "type": {
          "enum": [
            "notNull",
            "compare",
            "range",
            "pattern",
            "unifiedSocialCreditCode",
            "periodCoversYear",
            "deadline",
            "mentions",
            "substantive",
            "statedCount",
            "forbiddenText",
            "characters",
            "punctuation"
          ]
        },
        "when": {
          "$ref": "#/$defs/conditions"
        },
        "message": {
          "$ref": "#/$defs/text"
        }
      },
      "allOf": [
        {
          "if": {
            "properties": {
              "type": {
                "const": "notNull"
              }
            }
          },
          "then": {
            "required": [
              "at"
            ],
            "properties": {
              "at": {
                "$ref": "#/$defs/pointers"
              }
            }
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "compare"
              }
            }
          },
          "then": {
            "required": [
              "left",
              "op",
              "right"
            ],
            "properties": {
              "at": {
                "$ref": "#/$defs/pointer"
              },
              "left": {
                "$ref": "#/$defs/terms"
              },
              "op": {
                "$ref": "#/$defs/op"
              },
              "right": {
                "$ref": "#/$defs/terms"
              }
            }
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "punctuation"
              }
            }
          },
          "then": {
            "required": [
              "at",
              "fullWidth"
            ],
            "properties": {
              "at": {
                "$ref": "#/$defs/pointers"
              },
              "fullWidth": {
                "type": "object",
                "additionalProperties": {
                  "type": "string",
                  "minLength": 1
                }
              }
            }
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "characters"
              }
            }
          },
          "then": {
            "required": [
              "at",
              "pattern",
              "label"
            ],
            "properties": {
              "at": {
                "$ref": "#/$defs/pointers"
              },
              "pattern": {
                "type": "string",
                "minLength": 1
              },
              "label": {
                "$ref": "#/$defs/text"
              }
            }
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "range"
              }
            }
          },
          "then": {
            "required": [
              "at"
            ],
            "properties": {
              "at": {
                "$ref": "#/$defs/pointer"
              },
              "min": {
                "type": "number"
              },
              "max": {
                "type": "number"
              }
            }
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "pattern"
              }
            }
          },
          "then": {
            "required": [
              "at",
              "pattern"
            ],
            "properties": {
              "at": {
                "$ref": "#/$defs/pointer"
              },
              "pattern": {
                "type": "string"
              }
            }
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "unifiedSocialCreditCode"
              }
            }
          },
          "then": {
            "required": [
              "at"
            ],
            "properties": {
              "at": {
                "$ref": "#/$defs/pointer"
              }
            }
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "periodCoversYear"
              }
            }
          },
          "then": {
            "required": [
              "at",
              "year"
            ],
            "properties": {
              "at": {
                "$ref": "#/$defs/pointer"
              },
              "year": {
                "$ref": "#/$defs/pointer"
              }
            }
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "deadline"
              }
            }
          },
          "then": {
            "required": [
              "at",
              "year",
              "cases"
            ],
            "properties": {
              "at": {
                "$ref": "#/$defs/pointer"
              },
              "year": {
                "$ref": "#/$defs/pointer"
              },
              "cases": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "match",
                    "monthDay",
                    "label"
                  ],
                  "properties": {
                    "match": {
                      "type": "object",
                      "additionalProperties": {
                        "type": "array",
                        "items": {
                          "type": "string"
                        }
                      }
                    },
                    "monthDay": {
                      "type": "string",
                      "pattern": "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
                    },
                    "label": {
                      "$ref": "#/$defs/text"
                    }
                  }
                }
              }
            }
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "mentions"
              }
            }
          },
          "then": {
            "required": [
              "at",
              "anyOf"
            ],
            "properties": {
              "at": {
                "$ref": "#/$defs/pointers"
              },
              "anyOf": {
                "type": "array",
                "minItems": 1,
                "items": {
                  "type": "string",
                  "minLength": 1
                }
              }
            }
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "substantive"
              }
            }
          },
          "then": {
            "required": [
              "at",
              "minChars",
              "placeholders"
            ],
            "properties": {
              "at": {
                "$ref": "#/$defs/pointers"
              },
              "minChars": {
                "type": "integer",
                "minimum": 0
              },
              "placeholders": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            }
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "statedCount"
              }
            }
          },
          "then": {
            "required": [
              "at",
              "patterns",
              "equals"
            ],
            "properties": {
              "at": {
                "$ref": "#/$defs/pointers"
              },
              "patterns": {
                "type": "array",
                "minItems": 1,
                "items": {
                  "type": "string",
                  "pattern": "\\(\\?<n>"
                }
              },
              "equals": {
                "$ref": "#/$defs/terms"
              },
              "totalsFromParts": {
                "type": "boolean"
              }
            }
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "forbiddenText"
              }
            }
          },
          "then": {
            "required": [
              "at"
            ],
            "properties": {
              "at": {
                "$ref": "#/$defs/pointers"
              },
              "words": {
                "type": "array",
                "items": {
                  "type": "string",
                  "minLength": 1
                }
              },
              "patterns": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "pattern",
                    "label"
                  ],
                  "properties": {
                    "pattern": {
                      "type": "string"
                    },
                    "label": {
                      "$ref": "#/$defs/text"
                    }
                  }
                }
              }
            }
          }
        }
      ]
    }
  }
};
