#!/usr/bin/env python3
"""Builds rules/gri/catalogue.json from the standards research tables.

Usage: rules/gri/build_catalogue.py [STANDARDS_DIR] > rules/gri/catalogue.json
STANDARDS_DIR defaults to ../shared/standards next to the repository and must hold
gri-disclosures.tsv and gri-legacy-mapping.tsv. Ids, editions, English titles and statuses come from
the TSVs; the evidence patterns, required data points, Chinese titles missing from the TSVs and the
effective dates are curated here. Run once, review the diff, commit the JSON.

Pattern language (see docs/gri-evaluation.md): a pattern is a literal; "a&b" needs both parts on one
line; a data label "=x" needs the number's own label or column label to be exactly x (chart legends). ASCII letters match case-insensitively and a pattern starting with a letter must start a word.
"""
import csv
import json
import os
import re
import sys

# Units, matched as substrings of a fact's unit and printed unit (lower case).
GHG = ["co2", "二氧化碳", "吨", "t", "kg"]
ENERGY = ["标准煤", "标煤", "tce", "wh", "gj", "tj", "mj", "度", "焦"]
WATER = ["吨", "t", "m3", "m³", "立方", "升", "ml", "l", "cubic meter", "cubic meters", "cubic metre", "cubic metres"]
WEIGHT = ["吨", "t", "kg", "千克", "公斤"]
MONEY = ["元", "$", "usd", "won", "krw", "eur", "€", "美元", "港元"]
HOURS = ["小时", "学时", "课时", "h", "hour"]


def need(labels, units=None, kinds=("quantity",), unless=None):
    """One required data point: a numeric fact labelled by one of `labels`, unless its clause (or its
    table row's label) also holds one of `unless`: words saying the figure counts something else
    (a training count, insured women, a saving, a figure per unit of output)."""
    group = {"labels": list(labels), "kinds": list(kinds)}
    if units:
        group["units"] = list(units)
    if unless:
        group["unless"] = list(unless)
    return group


# What a figure's own clause says when it is not the quantity its label word names.
SAVED = ["节约", "节省", "节电", "节水", "节能量", "减少", "降低", "下降", "削减", "减排", "避免", "saved", "saving", "reduction",
         "reduced", "avoided"]
PER_UNIT = ["万元产值", "万元产出", "万元营业", "万元收入", "单位产值", "单位产品", "单位营业", "单位面积", "单台", "人均",
            "平均", "强度", "intensity", "per unit", "per million", "per employee", "average"]
TARGET = ["应控制在", "控制目标", "目标", "力争", "计划", "预计", "target", "goal"]
AWARD = ["称号", "典范", "荣获", "获评", "评为", "award"]
WELFARE = ["投保", "保险", "参保", "慰问", "看望", "探望", "走访", "帮扶", "救助", "补助", "抚恤", "体检", "查体", "妇检",
           "insurance", "insured", "visit"]


# 305-1 asks for gross direct emissions; a report that prints only its total emissions (no scope
# split) answers with that figure.
SCOPE1 = need(["范围一", "范围1", "直接排放", "直接温室气体", "scope 1", "direct ghg", "direct emissions",
               "温室气体排放量", "温室气体排放总量", "温室气体总排放", "碳排放量", "碳排放总量", "二氧化碳排放量",
               "ghg emissions", "greenhouse gas emissions", "total emissions", "co2 emissions"], GHG, unless=SAVED + TARGET)
SCOPE2 = need(["范围二", "范围2", "间接排放", "外购电力&排放", "scope 2", "indirect ghg", "energy indirect"], GHG)
SCOPE3 = need(["范围三", "范围3", "其他间接", "scope 3"], GHG)
GHG_INTENSITY = need(["排放强度", "碳强度", "单位产品&排放", "单位&二氧化碳", "万元&二氧化碳",
                      "emission intensity", "emissions intensity", "carbon intensity", "ghg intensity"],
                     kinds=("quantity", "percent"))
ENERGY_USE = need(["能源消耗", "能耗", "耗电", "用电量", "用电", "电力消耗", "天然气", "煤炭&消耗", "标准煤",
                   "energy consumption", "electricity consumption", "fuel consumption", "energy use", "energy consumed"], ENERGY,
                  unless=SAVED + PER_UNIT + TARGET)
ENERGY_INTENSITY = need(["能耗强度", "能源强度", "单位产品能耗", "单位&能耗", "万元产值能耗", "电耗",
                         "energy intensity"], kinds=("quantity", "percent"))
ENERGY_SAVED = need(["节能量", "节约&标准煤", "节约&电", "节电", "节约能源", "减少&能耗", "energy saved",
                     "energy savings", "reduction in energy", "reduction of energy"], ENERGY,
                    kinds=("quantity", "percent"))

# id -> (zh patterns, en patterns, required data points). Absent data = qualitative (covered by a
# matching section). Patterns aim at the wording of mainland CSR reports and English GRI reports.
PATTERNS = {
    "2-1": (["公司简介", "公司概况", "企业简介", "关于我们", "公司介绍", "注册地址", "总部位于", "公司全称"],
            ["about us", "company overview", "company profile", "headquartered in", "legal name"], None),
    "2-2": (["报告范围", "纳入报告", "下属企业", "附属公司&报告", "子公司&报告", "报告主体范围"],
            ["reporting scope", "scope of the report", "scope of this report", "report boundary",
             "entities included"], None),
    "2-3": (["时间范围", "报告期", "报告周期", "报告时间", "联系方式", "联系电话", "联系我们"],
            ["reporting period", "reporting cycle", "contact point", "contact us", "published annually"], None),
    "2-4": (["重述", "追溯调整", "数据更正", "重新列报"], ["restatement", "restated"], None),
    "2-5": (["鉴证", "第三方审验", "独立审验", "第三方验证", "外部审验", "第三方认证&报告", "核证"],
            ["assurance", "independent verification", "third-party verification"], None),
    "2-6": (["主营业务", "主要产品", "经营范围", "产业链", "价值链", "供应链", "主要业务"],
            ["value chain", "supply chain", "products and services", "business activities", "main business"],
            None),
    "2-7": (["员工总数", "员工人数", "员工构成", "员工情况", "在岗职工", "职工总数", "从业人员", "雇员"],
            ["employees", "workforce", "headcount"],
            [need(["员工总数", "员工人数", "员工总人数", "职工总数", "在岗职工", "在职员工", "从业人员", "雇员",
                   "拥有&员工", "现有员工", "共有员工", "total employees", "number of employees", "employees",
                   "headcount", "workforce"],
                  ["人", "名", "person", "people", "employee"],
                  # Person-times, a canteen's seats, staff trained, visited or taking part in an
                  # activity: no headcount.
                  unless=["人次", "培训", "容纳", "就餐", "慰问", "体检", "参加", "参与", "志愿", "trained",
                          "training", "participat", "took part", "completed", "volunteer", "voluntarily"])]),
    "2-8": (["劳务派遣", "外包人员", "派遣员工", "临时工", "承包商员工", "非雇员", "劳务用工"],
            ["contractors", "temporary workers", "agency workers", "non-employee", "contingent workers",
             "workers who are not employees"], None),
    "2-9": (["治理结构", "治理架构", "董事会&监事会", "董事会由", "专门委员会", "组织架构", "股东大会&董事会"],
            ["governance structure", "board of directors", "board committees", "board composition"], None),
    "2-10": (["提名委员会", "董事&提名", "董事&选举", "董事候选人", "董事&选聘"],
             ["nomination committee", "nominating", "director nomination", "selection of directors"], None),
    "2-11": (["董事长&兼任", "董事会主席", "董事长由", "董事长&总经理&分设"],
             ["chair of the board", "board chair", "chairman of the board", "chairperson"], None),
    "2-12": (["董事会&可持续", "董事会&社会责任", "董事会&ESG", "社会责任委员会", "可持续发展委员会", "ESG委员会",
              "战略委员会&社会责任"],
             ["board oversight", "board&sustainability", "sustainability committee", "esg committee"], None),
    "2-13": (["社会责任领导小组", "社会责任工作小组", "社会责任工作领导小组", "社会责任管理体系", "ESG工作小组",
              "可持续发展工作组", "社会责任办公室", "社会责任&归口管理"],
             ["delegat", "esg council", "sustainability council", "responsible for managing"], None),
    "2-14": (["董事会&审议&报告", "董事会&审阅&报告", "审议通过&社会责任报告", "审议通过&可持续发展报告",
              "董事会及全体董事保证"],
             ["board&approved&report", "reviewed and approved", "board&reviews&report"], None),
    "2-15": (["利益冲突", "关联交易", "回避表决", "关联董事回避"],
             ["conflict of interest", "conflicts of interest", "related party transaction"], None),
    "2-16": (["重大事项&报告", "重要关切", "重大关切", "向董事会报告", "向董事会汇报"],
             ["critical concerns", "escalat"], None),
    "2-17": (["董事&培训", "董事&专业背景", "董事&专题学习", "董事&履职能力"],
             ["board training", "director training", "collective knowledge", "board expertise", "skills matrix"],
             None),
    "2-18": (["董事&考核", "董事会&评估", "董事&绩效评价", "董事&履职评价"],
             ["board evaluation", "board performance", "board assessment", "evaluation of the board"], None),
    "2-19": (["薪酬政策", "薪酬制度", "薪酬体系", "薪酬管理", "薪酬激励"],
             ["remuneration polic", "compensation polic", "remuneration"], None),
    "2-20": (["薪酬与考核委员会", "薪酬委员会", "薪酬&考核&委员会", "薪酬&审议"],
             ["compensation committee", "remuneration committee", "determine remuneration",
              "determining remuneration"], None),
    "2-21": (["薪酬比率", "总薪酬比", "薪酬比例&最高"], ["compensation ratio", "pay ratio"],
             [need(["薪酬比", "compensation ratio", "pay ratio"], kinds=("quantity", "percent"))]),
    "2-22": (["董事长致辞", "总经理致辞", "董事长寄语", "管理层致辞", "领导致辞", "总裁致辞", "致辞", "致股东"],
             ["ceo message", "message from", "letter from", "chairman's message", "ceo letter", "statement from",
              "foreword"],
             None),
    "2-23": (["政策承诺", "行为准则", "商业道德准则", "人权政策", "核心价值观", "预防原则", "郑重承诺"],
             ["policy commitment", "code of conduct", "human rights policy", "we are committed to",
              "precautionary"], None),
    "2-24": (["制度建设", "制度体系", "纳入&管理体系", "行为准则&培训", "内部控制", "内控体系"],
             ["embedding", "integrat&polic", "internal control"], None),
    "2-25": (["投诉处理", "补救", "纠正措施", "申诉处理", "整改落实"],
             ["remediat", "grievance mechanism", "corrective action"], None),
    "2-26": (["举报", "投诉渠道", "申诉渠道", "信访", "合规热线", "意见箱"],
             ["whistleblow", "hotline", "speak up", "raising concerns", "ethics helpline"], None),
    "2-27": (["未发生&违法", "未发生&违规", "行政处罚", "合规经营", "依法合规", "遵守&法律法规", "罚款"],
             ["non-compliance", "fines", "compliance with laws", "sanctions", "penalt"], None),
    "2-28": (["协会&会员", "协会&理事", "协会&成员", "加入&协会", "成为&会员", "加入&倡议", "加入&联盟", "会员单位", "理事单位", "会长单位",
              "联合国全球契约"],
             ["membership", "member of", "association", "global compact"], None),
    "2-29": (["利益相关方沟通", "利益相关方参与", "利益相关方&沟通", "利益相关方&期望", "利益相关方&诉求",
              "利益相关者&沟通"],
             ["stakeholder engagement", "engaging with stakeholders", "stakeholder&expectations",
              "stakeholder&communication"], None),
    "2-30": (["集体合同", "集体协商", "集体谈判"], ["collective bargaining", "collective agreement"],
             [need(["集体合同", "集体协商", "集体谈判", "collective bargaining", "collective agreement"],
                   kinds=("percent",))]),
    "3-1": (["实质性分析", "实质性议题&识别", "实质性评估", "重要性评估", "实质性议题&筛选", "重大性评估",
             "议题识别"],
            ["materiality assessment", "materiality analysis", "materiality process", "double materiality"], None),
    "3-2": (["实质性议题", "重要议题", "实质性矩阵", "重要性矩阵"],
            ["material topics", "materiality matrix", "material issues"], None),
    "3-3": (["实质性议题&管理", "管理方法", "管理方针"],
            ["management approach", "management of material topics"], None),
    "201-1": (["经济绩效", "营业收入", "纳税总额", "经济价值", "利润总额"],
              ["economic value", "revenue", "economic performance"],
              [need(["营业收入", "营业总收入", "纳税", "税费", "利润", "员工薪酬", "revenue", "net income",
                     "taxes", "economic value", "sales"], MONEY)]),
    "201-2": (["气候风险", "气候变化&风险", "气候变化&机遇", "气候相关财务", "TCFD", "转型风险", "物理风险"],
              ["climate-related risk", "climate risk", "tcfd", "climate-related financial", "transition risk",
               "physical risk"], None),
    "201-3": (["养老保险", "企业年金", "退休计划", "补充养老", "职业年金"],
              ["pension", "retirement plan", "defined benefit"], None),
    "201-4": (["政府补助", "财政补贴", "政府补贴", "税收优惠"],
              ["government grant", "subsid", "tax incentive", "financial assistance"],
              [need(["政府补助", "财政补贴", "政府补贴", "专项资金", "government grant", "subsid"], MONEY)]),
    "202-1": (["最低工资", "起薪", "入门工资"], ["minimum wage", "entry level wage", "starting salary"], None),
    "202-2": (["本地&高管", "当地&高级管理", "本地化&管理人员", "本地员工&管理"],
              ["senior management hired from the local", "local senior management"], None),
    "203-1": (["基础设施", "修建&道路", "修路", "饮水工程", "危房改造", "易地搬迁"],
              ["infrastructure"], None),
    "203-2": (["带动就业", "间接经济", "精准扶贫", "乡村振兴", "产业扶贫", "带动&增收", "脱贫"],
              ["indirect economic", "job creation", "economic impact"], None),
    "204-1": (["本地采购", "本地供应商", "当地采购", "当地供应商"],
              ["local suppliers", "local procurement", "local purchasing", "local sourcing"],
              [need(["本地采购", "本地供应商", "当地采购", "当地供应商", "local suppliers", "local procurement",
                     "local purchasing", "local sourcing"], kinds=("quantity", "percent"))]),
    "205-1": (["廉洁风险", "腐败风险", "廉政风险", "反腐&风险评估", "廉洁&风险点"],
              ["corruption risk", "bribery risk"], None),
    "205-2": (["廉洁教育", "廉政教育", "反腐败&培训", "反贿赂&培训", "警示教育", "廉洁&培训", "反腐倡廉",
               "反腐败"],
              ["anti-corruption", "anti-bribery", "ethics training"], None),
    "205-3": (["腐败案件", "贪污&案件", "违纪&案件", "腐败事件", "贪腐", "腐败&诉讼"],
              ["incidents of corruption", "corruption cases", "confirmed incidents"], None),
    "206-1": (["反垄断", "不正当竞争", "反竞争", "公平竞争"],
              ["anti-competitive", "antitrust", "anti-trust", "monopol", "fair competition"], None),
    "207-1": (["税务管理", "税收政策", "依法纳税", "纳税信用", "税务策略", "税务合规"],
              ["tax strategy", "approach to tax", "tax policy", "tax compliance"], None),
    "207-2": (["税务风险", "税务治理", "税务内控"], ["tax governance", "tax risk"], None),
    "207-3": (["税务&沟通", "税务机关&沟通", "税企"], ["tax authorities", "tax&stakeholder"], None),
    "207-4": (["国别报告", "分国别&纳税", "按国家&纳税"], ["country-by-country", "jurisdiction&tax"], None),
    "301-1": (["原材料", "物料消耗", "原料消耗", "材料消耗"], ["materials used", "raw materials"],
              [need(["原材料", "原料", "物料", "材料&消耗", "raw material", "materials used"], WEIGHT)]),
    "301-2": (["再生原料", "再生材料", "回收料", "再生铝", "循环材料", "废料&回收利用"],
              ["recycled input", "recycled materials", "recycled content"], None),
    "301-3": (["包装&回收", "回收产品", "产品回收", "以旧换新"],
              ["reclaimed products", "packaging&reclaim", "take-back", "product recycling"], None),
    "302-1": (["能源消耗", "能耗", "节能", "能源管理", "综合能耗"],
              ["energy consumption", "energy use", "energy management"], [ENERGY_USE]),
    "302-2": (["组织外部&能源", "上游&能源消耗", "下游&能源消耗", "外部能源消耗"],
              ["energy consumption outside", "upstream energy", "downstream energy"], None),
    "302-3": (["能耗强度", "能源强度", "单位产品能耗", "单位&能耗", "万元产值能耗", "电耗"],
              ["energy intensity"], [ENERGY_INTENSITY]),
    "302-4": (["节能", "节约能源", "节能改造", "节能降耗"],
              ["energy saving", "energy efficiency", "reduction of energy", "reduction in energy"], [ENERGY_SAVED]),
    "302-5": (["产品&能效", "节能产品", "产品&节能", "低能耗产品"],
              ["energy-efficient products", "product energy efficiency", "energy requirements of products"], None),
    "303-1": (["水资源管理", "水资源&保护", "节约用水", "节水", "水资源"],
              ["water management", "water stewardship", "water resources", "water-stressed", "water stress"], None),
    "303-2": (["废水&处理", "污水处理", "排水&标准", "废水&达标", "废水排放&标准"],
              ["wastewater treatment", "discharge standards", "effluent quality", "water discharge&impact"], None),
    "303-3": (["取水", "用水量", "新水消耗", "用水总量"], ["water withdrawal", "water withdrawn", "water intake"],
              # A water total printed as consumption (耗水量, "water consumption") answers withdrawal too
              # when no withdrawal is printed: offices and most plants consume what they draw. 用水 of
              # 利用水泥窑 (waste burnt in cement kilns) is no water.
              [need(["取水", "用水量", "用水总量", "用水", "新水", "耗水量", "耗水总量", "water withdrawal",
                     "water withdrawn", "water intake", "water consumption"],
                    WATER, unless=SAVED + PER_UNIT + TARGET + ["节水", "循环", "回用", "recycl", "利用水泥"])]),
    "303-4": (["废水排放", "排水", "污水排放"], ["water discharge", "wastewater"],
              [need(["废水排放", "废水&排放量", "排水量", "污水排放", "外排水", "water discharge",
                     "wastewater discharge", "effluent"], WATER)]),
    "303-5": (["耗水", "水耗", "用水量", "新水", "水资源消耗"], ["water consumption"],
              [need(["耗水", "水耗", "新水耗", "用水量", "水资源消耗", "water consumption", "water consumed"],
                    WATER, unless=SAVED + PER_UNIT + TARGET)]),
    "304-1": (["自然保护区", "保护区&运营", "生态保护红线", "生物多样性&保护区", "水源保护区"],
              ["protected area", "high biodiversity value"], None),
    "304-2": (["生物多样性", "生态影响", "生态系统&影响"], ["biodiversity", "impacts on biodiversity"], None),
    "304-3": (["生态恢复", "生态修复", "复垦", "植被恢复", "矿山修复", "栖息地"],
              ["habitat restor", "habitats protected", "rehabilitat", "restoration"], None),
    "304-4": (["红色名录", "濒危物种", "珍稀&物种", "保护物种", "国家重点保护&物种"],
              ["iucn", "red list", "endangered species", "threatened species"], None),
    "305-1": (["温室气体排放", "碳排放", "二氧化碳排放", "范围一", "直接排放"],
              ["ghg emissions", "greenhouse gas", "carbon emissions", "scope 1"], [SCOPE1]),
    "305-2": (["范围二", "间接排放", "外购电力&排放"], ["scope 2", "indirect emissions", "energy indirect"], [SCOPE2]),
    "305-3": (["范围三", "价值链&排放", "其他间接排放"], ["scope 3", "value chain emissions"], [SCOPE3]),
    "305-4": (["排放强度", "碳强度", "单位产品&排放", "万元&二氧化碳"],
              ["emission intensity", "emissions intensity", "carbon intensity", "ghg intensity"], [GHG_INTENSITY]),
    "305-5": (["减排", "降碳", "碳减排", "节能减排"],
              ["emission reduction", "emissions reduction", "reduce emissions", "decarboni"],
              [need(["减少&排放", "减排", "减少二氧化碳", "减少碳排放", "emission reduction", "emissions reduction",
                     "reduced&emissions", "ghg reduction"], GHG)]),
    "305-6": (["臭氧消耗", "消耗臭氧", "氟利昂", "ODS", "氢氯氟烃", "HCFC"],
              ["ozone-depleting", "ods", "cfc", "hcfc"], None),
    "305-7": (["二氧化硫", "氮氧化物", "大气污染物", "废气排放", "颗粒物", "烟尘"],
              ["nox", "sox", "air emissions", "air pollutants", "sulfur dioxide", "nitrogen oxides"],
              [need(["二氧化硫", "氮氧化物", "so2", "nox", "sox", "颗粒物", "烟尘", "粉尘", "sulfur", "sulphur",
                     "nitrogen oxides", "particulate"], WEIGHT,
                   # Sulphur hexafluoride (SF6) is a greenhouse gas (305-1), not a sulphur oxide.
                   unless=["hexafluoride", "六氟化硫", "sf6"])]),
    "306-1": (["固体废物", "固废", "危险废物", "危废", "废弃物"],
              ["waste generation", "waste-related impacts", "solid waste", "hazardous waste"], None),
    "306-2": (["固废&处置", "危险废物&管理", "固废&综合利用", "废弃物管理", "资源化利用", "固废资源化"],
              ["waste management", "manage&waste"], None),
    "306-3": (["固体废物", "固废产生", "危险废物", "废弃物"], ["waste generated", "hazardous waste", "total waste"],
              [need(["废&产生", "固体废物", "危险废物", "一般工业固废", "waste generated", "total waste",
                     "hazardous waste"], WEIGHT)]),
    "306-4": (["综合利用", "资源化利用", "回收利用", "循环利用"],
              ["diverted from disposal", "recycling", "recycled"],
              [need(["综合利用", "回收利用", "再利用", "资源化", "循环利用", "diverted from disposal", "recycled",
                     "reused"], WEIGHT)]),
    "306-5": (["填埋", "焚烧", "安全处置", "处置量"], ["directed to disposal", "landfill", "incinerat"],
              [need(["填埋", "焚烧", "处置量", "安全处置", "directed to disposal", "landfill", "incinerat"],
                    WEIGHT)]),
    "307-1": (["环境违法", "环保处罚", "环境处罚", "环境行政处罚", "环保&罚款", "未发生&环境污染事件",
               "环境污染事故", "环境&违法违规"],
              ["environmental fines", "environmental non-compliance", "environmental violation"], None),
    "308-1": (["供应商&环境", "绿色采购", "供应商&环保", "绿色供应链"],
              ["supplier&environmental", "green procurement", "environmental criteria"], None),
    "308-2": (["供应链&环境风险", "供应商&环境&整改", "供应商&环境影响"],
              ["supply chain&environmental impact", "supplier&environmental impacts"], None),
    "401-1": (["招聘", "新进员工", "离职", "员工流失", "流动率"], ["new hires", "turnover", "recruitment", "attrition"],
              [need(["新进员工", "新进率", "新入职", "新招聘", "新员工", "招聘", "新增员工", "new hires", "new employee",
                     "hired", "hires"], kinds=("quantity", "percent"),
                    # A count of new staff trained, a job fair's openings: no hires.
                    unless=["培训", "教材", "课程", "招聘会", "岗位", "training", "trained", "onboarding"] + AWARD),
               need(["离职", "流失", "流动率", "turnover", "attrition", "resign", "leavers"],
                    kinds=("quantity", "percent"))]),
    "401-2": (["员工福利", "福利&全职", "补充医疗", "带薪休假", "福利体系", "五险一金"],
              ["employee benefits", "benefits provided"], None),
    "401-3": (["产假", "育儿假", "陪产假", "哺乳假", "生育假"], ["parental leave", "maternity leave", "paternity leave"],
              None),
    "402-1": (["通知期", "提前&通知&员工", "运营变更", "提前三十日", "提前30日"],
              ["notice period", "operational changes"], None),
    "403-1": (["职业健康安全管理体系", "安全管理体系", "ISO 45001", "ISO45001", "OHSAS", "GB/T 28001", "GB/T28001",
               "GB/T 45001", "GB/T45001", "安全生产标准化"],
              ["occupational health and safety management system", "health and safety management system",
               "iso 45001", "ohsas"], None),
    "403-2": (["危险源辨识", "风险辨识", "隐患排查", "风险分级管控", "事故调查", "危害识别", "安全风险评估"],
              ["hazard identification", "risk assessment&safety", "incident investigation"], None),
    "403-3": (["职业健康检查", "职业病防治", "职业健康体检", "职业健康监护", "职业卫生"],
              ["occupational health services", "occupational health service"], None),
    "403-4": (["安全生产委员会", "安委会", "职工代表&安全", "工会&安全", "安全&协商", "劳动保护监督"],
              ["health and safety committee", "safety committee", "worker participation&safety"], None),
    "403-5": (["安全培训", "安全教育培训", "安全生产培训", "三级安全教育", "安全&培训"],
              ["safety training", "health and safety training"], None),
    "403-6": (["员工健康", "健康体检", "心理健康", "健康讲座", "员工体检"],
              ["employee health", "wellbeing", "well-being", "health promotion", "wellness"], None),
    "403-7": (["承包商&安全", "相关方&安全", "外包&安全", "供应商&安全管理"],
              ["contractor safety", "contractors&safety"], None),
    "403-8": (["体系&覆盖&员工", "职业健康安全管理体系&覆盖", "认证&覆盖"],
              ["covered by&management system", "workers covered"], None),
    "403-9": (["工伤", "安全事故", "伤亡事故", "生产安全事故", "死亡事故", "负伤"],
              ["work-related injur", "injuries", "fatalities", "lost time injury", "lost-time injury"],
              # Injury and fatality figures; a count of (major) accidents is no injury figure.
              [need(["工伤", "死亡", "因工伤亡", "伤亡人数", "损工", "负伤率", "百万工时", "ltifr", "trir", "injur", "fatalit",
                     "lost time", "lost-time", "recordable"], kinds=("quantity", "percent"), unless=WELFARE)]),
    "403-10": (["职业病", "职业健康&病例", "职业病发病"],
               ["occupational disease", "work-related ill health", "occupational illness"], None),
    "404-1": (["员工培训", "培训体系", "培训学时", "人均培训", "培训时长"],
              ["training hours", "hours of training", "employee training"],
              # the hours of one class (a diploma or training class the sentence names) are no average per
              # employee
              [need(["培训时长", "培训学时", "人均培训", "培训小时", "学时", "训练时数", "受训时数", "hours of training", "training hours",
                     "average hours"], HOURS, unless=["学历班", "研修班", "进修班", "培训班"])]),
    "404-2": (["技能提升", "职业技能", "技能培训", "人才培养", "技能竞赛", "导师带徒", "继续教育"],
              ["upskilling", "skills development", "skill&program", "career development", "transition assistance",
               "leadership program"], None),
    "404-3": (["绩效考核", "绩效评估", "绩效管理", "绩效面谈"],
              ["performance review", "performance evaluation", "career development review",
               "performance appraisal"], None),
    "405-1": (["女性员工", "女员工", "女职工", "多元化", "性别", "少数民族员工"],
              ["diversity", "women", "female", "gender"],
              [need(["女性员工", "女员工", "女职工", "女性管理", "女性占比", "女性比例", "女性", "男女", "female",
                     "women", "woman", "=女", "=男", "=男性"], kinds=("quantity", "percent"),
                    # women taking part in a programme, women customers, entrepreneurs or women-owned
                    # businesses, a pay gap and a goal for any of them are no breakdown of the workforce;
                    # nor is the board's or the supervisors' share: 405-1 asks for the governance bodies
                    # AND the employees, and this data point stands for the employees
                    unless=WELFARE + TARGET + ["参加", "参与", "participat", "客户", "创业", "customer", "entrepreneur",
                                               "owned", "薪酬", "工资", "median pay", " earn ", "董事", "监事",
                                               "board"])]),
    "405-2": (["同工同酬", "男女同酬", "男女&薪酬", "薪酬&性别"],
              ["equal pay", "gender pay", "pay equity", "remuneration of women"],
              [need(["男女&薪酬", "男女&工资", "女性&薪酬", "gender pay", "pay gap", "ratio of basic salary",
                     "women to men"], kinds=("quantity", "percent"))]),
    "406-1": (["歧视", "平等雇佣", "平等就业"], ["discriminat", "equal opportunit"], None),
    "407-1": (["结社自由", "工会", "职工代表大会", "职代会", "入会率"],
              ["freedom of association", "trade union", "labor union", "labour union", "works council"], None),
    "408-1": (["童工", "未成年工"], ["child labor", "child labour"], None),
    "409-1": (["强迫劳动", "强制劳动", "强迫&劳动"],
              ["forced labor", "forced labour", "compulsory labor", "modern slavery"], None),
    "410-1": (["安保人员&培训", "保安&培训", "安保人员&人权"], ["security personnel"], None),
    "411-1": (["原住民", "少数民族&权益"], ["indigenous"], None),
    "412-1": (["人权&评估", "人权尽职调查", "人权审查", "人权风险"],
              ["human rights due diligence", "human rights assessment", "human rights impact",
               "human rights review"], None),
    "412-2": (["人权&培训"], ["human rights training", "training on human rights"], None),
    "412-3": (["人权条款", "合同&人权"], ["human rights clause", "human rights screening"], None),
    "413-1": (["社区沟通", "社区参与", "社区发展", "公益", "志愿服务", "社区&共建", "捐赠", "帮扶"],
              ["community engagement", "community development", "local communit", "volunteer", "philanthrop",
               "donation"], None),
    "413-2": (["社区&负面影响", "社区&影响&评估", "周边&居民&影响", "噪声&周边"],
              ["negative impacts on local communities", "community impact"], None),
    "414-1": (["供应商&社会责任", "供应商&劳工", "供应商&审核", "供应商准入", "供应商&评价", "供应商&ESG"],
              ["supplier&social criteria", "supplier screening", "supplier code of conduct", "supplier audit"],
              None),
    "414-2": (["供应链&社会风险", "供应商&整改", "供应商&违规", "供应链&劳工风险"],
              ["supply chain&social impact", "supplier&corrective", "supply chain risk"], None),
    "415-1": (["政治捐献", "政治献金", "政治捐赠", "政治&捐款"],
              ["political contribution", "political donation", "lobbying"], None),
    "416-1": (["产品质量", "产品安全", "质量管理体系", "质量检验", "ISO 9001", "ISO9001", "质量认证", "食品安全"],
              ["product safety", "product quality", "customer health and safety", "quality management"], None),
    "416-2": (["产品质量&违规", "质量&处罚", "产品召回", "质量事故", "产品安全&事件"],
              ["product recall", "non-compliance&product", "product safety incident"], None),
    "417-1": (["产品标识", "产品说明", "标签", "产品信息&标识", "包装标识"],
              ["product labeling", "product labelling", "product information", "labelling"], None),
    "417-2": (["标识&违规", "标签&违规", "标识&处罚"],
              ["labeling&non-compliance", "labelling&non-compliance"], None),
    "417-3": (["虚假宣传", "广告&违规", "营销&违规", "营销&合规", "广告法"],
              ["marketing communications", "advertising&non-compliance", "responsible marketing"], None),
    "418-1": (["客户隐私", "隐私保护", "信息安全", "数据安全", "个人信息保护", "客户信息&保护"],
              ["customer privacy", "data privacy", "privacy", "data breach", "information security"], None),
    "101-1": (["生物多样性&政策", "生物多样性&承诺", "生物多样性保护"],
              ["biodiversity polic", "biodiversity commitment", "no net loss", "nature positive"], None),
    "101-2": (["生物多样性&管理", "生态修复", "生态恢复", "缓解层级"],
              ["biodiversity management", "mitigation hierarchy", "restoration"], None),
    "101-3": (["遗传资源", "惠益分享"], ["access and benefit-sharing", "genetic resources"], None),
    "101-4": (["生物多样性&识别", "生物多样性&评估", "生物多样性&影响"], ["biodiversity impact", "biodiversity assessment"],
              None),
    "101-5": (["生物多样性&区域", "自然保护区", "生态敏感区", "生态保护红线"],
              ["protected area", "sensitive areas", "key biodiversity area"], None),
    "101-6": (["土地利用", "土地&占用", "外来物种", "入侵物种", "土地复垦"],
              ["land use", "land-use change", "invasive species", "direct drivers"], None),
    "101-7": (["生态系统&状况", "植被覆盖率", "生态状况", "栖息地&面积"],
              ["ecosystem condition", "state of biodiversity", "habitat extent"], None),
    "101-8": (["生态系统服务", "生态服务"], ["ecosystem services"], None),
    "102-1": (["转型计划", "转型路径", "碳达峰行动方案", "碳中和&路线图", "碳中和&路径", "双碳&行动方案", "减碳路径"],
              ["transition plan", "net zero", "net-zero"], None),
    "102-2": (["气候适应", "适应气候变化", "气候韧性"], ["climate adaptation", "adaptation plan", "climate resilience"],
              None),
    "102-3": (["公正转型"], ["just transition"], None),
    "102-4": (["减排目标", "碳达峰目标", "碳中和目标", "温室气体&目标", "双碳目标"],
              ["emissions reduction target", "reduction target", "science based target", "science-based target",
               "sbti"], None),
    "102-5": (["温室气体排放", "碳排放", "范围一", "直接排放"], ["ghg emissions", "greenhouse gas", "scope 1"], [SCOPE1]),
    "102-6": (["范围二", "间接排放"], ["scope 2", "indirect emissions"], [SCOPE2]),
    "102-7": (["范围三", "价值链&排放"], ["scope 3", "value chain emissions"], [SCOPE3]),
    "102-8": (["排放强度", "碳强度"], ["emission intensity", "emissions intensity", "carbon intensity"], [GHG_INTENSITY]),
    "102-9": (["碳移除", "碳汇", "碳捕集", "CCUS"], ["ghg removal", "carbon removal", "carbon capture", "carbon sink",
                                               "ccus"], None),
    "102-10": (["碳信用", "碳抵消", "CCER", "碳交易", "碳配额", "碳排放权交易"],
               ["carbon credit", "offset", "carbon trading", "emissions trading"], None),
    "103-1": (["能源管理体系", "节能&政策", "能源管理制度", "ISO 50001", "ISO50001", "GB/T 23331", "GB/T23331"],
              ["energy polic", "energy management system", "iso 50001"], None),
    "103-2": (["能源消耗", "能耗", "自发电", "光伏发电"], ["energy consumption", "self-generat"], [ENERGY_USE]),
    "103-3": (["上游&能源消耗", "下游&能源消耗", "外部能源消耗"], ["upstream energy", "downstream energy"], None),
    "103-4": (["能耗强度", "能源强度", "单位产品能耗", "单位&能耗"], ["energy intensity"], [ENERGY_INTENSITY]),
    "103-5": (["节能", "节约能源", "节能降耗"], ["energy saving", "reduction in energy", "reduction of energy"],
              [ENERGY_SAVED]),
}

# Wording added after measuring agreement with the companies' own indexes (bench/eval_gri.py): HK/TW
# usage in mainland reports (范畴一), and English phrasing of Korean/English reports.
EXTRA = {
    "2-1": (["总部", "企业概况", "公司名称"], ["headquarters", "organization name"]),
    # Taiwan wording (环旭电子 2016): "数据主要收集期间自…", "每年定期发行企业社会责任报告书".
    "2-3": (["报告期间", "报告发布", "收集期间", "定期发行"], ["for the period", "january 1", "1 january"]),
    "2-4": (["重新表述", "重列"], ["restate"]),
    "2-10": ([], ["recommendation committee", "appointment of directors", "nominat"]),
    # The chair's executive role: "董事长与行长分设", "董事长、执行董事李庆萍", "董事长兼总裁".
    "2-11": (["董事长&行长&分设", "董事长&总裁&分设", "董事长&执行董事", "董事长兼总裁", "董事长兼首席执行官"], []),
    "2-13": (["授权&社会责任", "授权&可持续", "授权体系", "社会责任&管理体系", "社会责任&组织体系", "社会责任&管理架构", "可持续发展&管理架构",
              "社会责任&委员会"], []),
    "2-16": ([], ["reported to the board", "report to the board"]),
    "2-17": ([], ["directors&training", "training for directors", "board&education"]),
    "2-21": ([], ["total compensation"]),
    "2-22": (["董事长的话", "总裁的话", "总经理的话", "寄语", "致利益相关方"], []),
    "2-23": (["价值观", "企业文化", "经营理念", "谨慎"], []),
    "2-29": (["利益相关方&回应", "利益相关方&关注", "利害关系人"], []),
    "3-1": (["实质性&分析", "重要性&分析", "重大性&分析", "实质性&评估", "议题&筛选"], []),
    "3-3": (["实质性议题&边界", "议题&边界"], ["managing material topics", "material topic&management"]),
    "205-1": ([], ["corruption&risk"]),
    "206-1": (["垄断"], []),
    "301-2": (["再生资源", "回收材料", "循环再造"], []),
    "305-1": (["范畴一", "范畴1"], []),
    "305-3": (["范畴三", "范畴3"], []),
    "305-4": (["单位&温室气体"], []),
    # "间接温室气体排放" (工商银行 2016); also matches "其他间接温室气体排放" (scope 3) [known limit].
    "305-2": (["范畴二", "范畴2", "能源间接温室气体", "间接温室气体排放"], []),
    "308-2": ([], ["supplier&environmental"]),
    "401-2": ([], ["welfare", "benefit"]),
    "403-3": ([], ["occupational health", "health management"]),
    "403-4": ([], ["safety and health committee"]),
    "403-5": ([], ["safety education", "safety and health training"]),
    "403-7": ([], ["partner&safety", "suppliers&safety"]),
    "403-8": ([], ["iso 45001&certif"]),
    "405-2": ([], ["basic salary"]),
    "404-1": (["训练时数", "平均训练"], []),
    "404-2": (["教育训练"], []),
    # Taiwan wording in mainland reports (环旭电子 2016): 供货商, 评鉴, 稽核, 违反环境法规.
    "307-1": (["违反&环境法规", "违反&环保法规"], []),
    "414-1": (["供货商&评鉴", "供货商&稽核", "供货商&审核", "供货商&eicc"], []),
    "412-1": (["人权"], []),
    "412-3": (["人权&协议", "人权&合同"], []),
    "413-2": (["社区&影响", "周边社区"], []),
    "415-1": (["政治&捐"], []),
    "416-2": (["产品&违规", "未发生&产品&违规"], []),
    "418-1": (["隐私"], []),
}
for _scope, _labels in (("305-1", ["范畴一", "范畴1"]), ("305-2", ["范畴二", "范畴2"]), ("305-3", ["范畴三", "范畴3"])):
    PATTERNS[_scope][2][0]["labels"].extend(_labels)
GHG.append("c02")  # OCR of CO2

# Chinese titles [U] for the standards the TSV leaves without one (GRI 101:2024, 102:2025, 103:2025).
ZH_TITLES = {
    "101-1": "制止和扭转生物多样性丧失的政策", "101-2": "生物多样性影响的管理", "101-3": "获取和惠益分享",
    "101-4": "生物多样性影响的识别", "101-5": "有生物多样性影响的地点", "101-6": "生物多样性丧失的直接驱动因素",
    "101-7": "生物多样性状况的变化", "101-8": "生态系统服务",
    "102-1": "气候变化减缓转型计划", "102-2": "气候变化适应计划", "102-3": "公正转型", "102-4": "温室气体减排目标及进展",
    "102-5": "范围1温室气体排放", "102-6": "范围2温室气体排放", "102-7": "范围3温室气体排放", "102-8": "温室气体排放强度",
    "102-9": "温室气体移除", "102-10": "碳信用",
    "103-1": "能源政策和承诺", "103-2": "组织内部的能源消耗和自发电", "103-3": "上游和下游能源消耗", "103-4": "能源强度",
    "103-5": "能源消耗的减少",
}

# Effective dates by standard number (GRI 2/3 by publication of the report; others as GRI states).
EFFECTIVE = {
    "2": "2023-01-01", "3": "2023-01-01", "207": "2021-01-01", "303": "2021-01-01", "403": "2021-01-01",
    "306": "2022-01-01", "101": "2026-01-01", "102": "2027-01-01", "103": "2027-01-01",
}
DEFAULT_EFFECTIVE = "2018-07-01"  # 2016 topic standards: reports published on or after 1 July 2018

# Topic standards within the scope of the catalogue (GRI 419 is handled as a legacy id only).
IN_SCOPE = re.compile(r"^(2|3|20[1-7]|30[1-8]|40[1-9]|41[0-8]|10[1-3])-\d+$")

# Disclosures of the superseded editions reusing a current number, and their successors [U]
# (GRI 303: Water 2016, 306: Effluents and Waste 2016, 403: Occupational Health and Safety 2016).
OLD_EDITIONS = [
    ("303-1", "GRI 303: Water 2016", "Total water withdrawal by source", ["303-3"]),
    ("303-2", "GRI 303: Water 2016", "Water sources significantly affected by withdrawal of water", ["303-1"]),
    ("303-3", "GRI 303: Water 2016", "Water recycled and reused", ["303-3"]),
    ("306-1", "GRI 306: Effluents and Waste 2016", "Water discharge by quality and destination", ["303-4"]),
    ("306-2", "GRI 306: Effluents and Waste 2016", "Waste by type and disposal method", ["306-3", "306-4", "306-5"]),
    ("306-3", "GRI 306: Effluents and Waste 2016", "Significant spills", ["2-27"]),
    ("306-4", "GRI 306: Effluents and Waste 2016", "Transport of hazardous waste", ["306-2"]),
    ("306-5", "GRI 306: Effluents and Waste 2016", "Water bodies affected by water discharges and/or runoff",
     ["303-2"]),
    ("403-1", "GRI 403: Occupational Health and Safety 2016",
     "Workers representation in formal joint management-worker health and safety committees", ["403-4"]),
    ("403-2", "GRI 403: Occupational Health and Safety 2016",
     "Types of injury and rates of injury, occupational diseases, lost days, and absenteeism", ["403-9", "403-10"]),
    ("403-3", "GRI 403: Occupational Health and Safety 2016",
     "Workers with high incidence or high risk of diseases related to their occupation", ["403-10"]),
    ("403-4", "GRI 403: Occupational Health and Safety 2016",
     "Health and safety topics covered in formal agreements with trade unions", ["403-4"]),
]


# Whom a qualitative disclosure asks about: a passage covers it only when it (or a line next to it)
# names one of these, or a count in WITH_UNITS. 205-2 counts the governance body members, employees and business partners the
# anti-corruption policies were communicated to and who were trained; Party members (党员, 党员干部)
# are no group of the organisation it counts, so the Party's own discipline education names none.
WITH = {
    "205-2": ["员工", "职工", "全员", "董事", "监事", "高管", "高级管理", "管理人员", "中层", "重要岗位", "关键岗位",
              "供应商", "合作伙伴", "承包商", "经销商", "employee", "staff", "workforce", "colleague", "director",
              "board", "supplier", "business partner", "third part", "contractor"],
}

# Or a count of those reached, on such a line: sessions held, people or person-times trained, a share.
WITH_UNITS = {"205-2": ["次", "人次", "人", "名", "场", "期", "%", "times", "sessions", "employees", "people"]}


def successors(text):
    """"2-6; 2-7" -> ["2-6", "2-7"]; "303-1 (2016 ed.)" -> ["303-1@2016"]; "(none)" -> []."""
    out = []
    for m in re.finditer(r"(G4-[A-Z]*\d+|\d{1,3}-\d{1,2})(\s*\(2016 ed\.\))?", text):
        if m.group(1).startswith("G4") or text.startswith("("):
            continue
        out.append(m.group(1) + ("@2016" if m.group(2) else ""))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "shared", "standards")
    with open(os.path.join(src, "gri-disclosures.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    with open(os.path.join(src, "gri-legacy-mapping.tsv"), encoding="utf-8") as f:
        legacy_rows = list(csv.DictReader(f, delimiter="\t"))

    disclosures = []
    for r in rows:
        did = r["id"]
        if not IN_SCOPE.match(did):
            continue
        if did not in PATTERNS:
            sys.exit("no patterns for " + did)
        zh, en, data = PATTERNS[did]
        zh_extra, en_extra = EXTRA.get(did, ([], []))
        zh, en = zh + zh_extra, en + en_extra
        number = did.split("-")[0]
        entry = {
            "id": did,
            "standard": r["standard"],
            "title": r["title"],
            "title_zh": r["zh_hans_unverified"] or ZH_TITLES.get(did, ""),
            "section": r["section"],
            "effective": EFFECTIVE.get(number, DEFAULT_EFFECTIVE),
            "status": r["status_2026"],
            "zh": zh,
            "en": en,
        }
        if not entry["title_zh"]:
            sys.exit("no Chinese title for " + did)
        if did in WITH:
            entry["with"] = WITH[did]
        if did in WITH_UNITS:
            entry["with_units"] = WITH_UNITS[did]
        if data:
            entry["data"] = data
        disclosures.append(entry)
    unknown = (set(WITH) | set(WITH_UNITS)) - {d["id"] for d in disclosures}
    if unknown:
        sys.exit("audience words without a disclosure: " + ", ".join(sorted(unknown)))
    missing = set(PATTERNS) - {d["id"] for d in disclosures}
    if missing:
        sys.exit("patterns without a disclosure: " + ", ".join(sorted(missing)))

    legacy = []
    for r in legacy_rows:
        legacy.append({"id": r["legacy_id"], "edition": r["legacy_edition"], "title": r["legacy_title"],
                       "successors": successors(r["successor"]), "note": r["note"]})
    for lid, edition, title, succ in OLD_EDITIONS:
        legacy.append({"id": lid + "@2016", "edition": edition, "title": title, "successors": succ,
                       "note": "superseded edition; successor mapping unverified [U]"})

    # GRI 2 disclosures succeeding the general disclosures a 2016 (or G4) "Core" report had to make:
    # 102-1..102-13, 102-14, 102-16, 102-18, 102-40..102-56 (GRI 102: 2016, "Core" option) [U].
    core_legacy = ["102-%d" % n for n in list(range(1, 15)) + [16, 18] + list(range(40, 57))]
    by_legacy = {l["id"]: l["successors"] for l in legacy}
    core = sorted({s for lid in core_legacy for s in by_legacy.get(lid, []) if s.startswith("2-")},
                  key=lambda i: int(i.split("-")[1]))

    out = {
        "version": 1,
        "generated_by": "rules/gri/build_catalogue.py from gri-disclosures.tsv and gri-legacy-mapping.tsv",
        "disclosures": disclosures,
        "legacy": legacy,
        "core_2016": core,
        "core_2016_legacy": [lid for lid in core_legacy if lid in by_legacy],
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
