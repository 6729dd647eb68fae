"""The sentence pool of the composer. The sentences are ours; the agencies and themes are real,
the figures random. A slot {name} or {name:arg} is filled by metrics.Slots.name(arg) (the text
and its gold); {org} {place} {topic} {who} are plain words with no numerals.

Rules for adding a sentence: no numeral outside a slot (一是, 一批, 一次 are fine: the gold
says they are not metrics), every sentence ends with 。, and a heading ends with no punctuation.
"""

TOPICS = [
    "城镇燃气", "危险化学品", "矿山", "道路交通", "建筑施工", "消防", "森林草原防灭火",
    "防汛抗旱", "工贸企业", "特种设备", "渔业船舶", "自建房", "文化旅游场所", "校园",
]

ORGS = [
    "省应急管理厅", "省安委会办公室", "省消防救援总队", "省住房城乡建设厅", "省交通运输厅",
    "省市场监管局", "省自然资源厅", "省水利厅", "省农业农村厅", "省教育厅", "省文化和旅游厅",
    "省生态环境厅", "省政府督查室", "省减灾委办公室",
]

# News item titles ({org} {topic}); some long enough to wrap over two or three lines.
NEWS_TITLES = [
    "{org}召开全省{topic}安全工作视频会议",
    "{org}部署开展{topic}安全专项整治",
    "{org}组织开展{topic}领域安全生产明查暗访",
    "{org}印发{topic}安全风险分级管控工作指引",
    "{org}召开专题会议研究部署{topic}重大事故隐患排查整治工作",
    "{org}联合有关部门开展{topic}安全执法检查",
    "全省{topic}安全生产治本攻坚行动取得阶段性成效",
    "{org}举办全省{topic}安全监管执法业务培训班",
    "{org}通报全省{topic}安全生产形势并部署下阶段重点工作",
    "{org}深入基层调研指导{topic}安全防范工作",
    "{org}开展{topic}应急演练检验联动处置能力",
    "{org}推动{topic}企业全员安全生产责任制落实落细",
    "全省{topic}重大事故隐患动态清零工作推进会召开",
    "{org}启动{topic}安全生产“开学第一课”宣传教育活动",
    "{org}约谈{topic}领域事故多发地区政府和企业负责人",
    "{org}对{topic}安全整治工作开展专项督导并通报发现的突出问题和整改要求",
    "{org}会同有关部门建立{topic}安全风险监测预警和联合处置工作机制",
]

LOCAL_TITLES = [
    "{place}：扎实推进{topic}安全专项整治",
    "{place}：多措并举提升{topic}安全管理水平",
    "{place}：以数字化手段赋能{topic}安全监管",
    "{place}：建立{topic}安全风险“四色”分级管控机制",
    "{place}：压紧压实{topic}安全生产责任",
    "{place}：聚焦重点环节深化{topic}隐患排查治理",
    "{place}：创新网格化管理模式夯实{topic}安全基层基础",
    "{place}：坚持问题导向推动{topic}安全整治走深走实",
    "{place}：强化部门协同构建{topic}安全联防联控工作格局并形成长效机制",
    "{place}：探索“安全管家”服务模式破解中小企业{topic}安全管理难题",
]

# Opening paragraphs of a news item.
NEWS_OPENINGS = [
    "{date}，{org}召开会议，通报{date_range}全省{topic}安全生产形势，部署下阶段重点工作。会议强调，各地要清醒认识当前面临的严峻形势，切实把思想和行动统一到决策部署上来。",
    "{date}，{org}印发通知，部署在全省开展{topic}安全专项整治，要求各地{deadline}完成全覆盖排查，建立问题隐患和整改措施“两个清单”。",
    "{date_range}，全省共检查{topic}企业{count:家}，发现问题隐患{count:项}，{pct_share}已完成整改。",
    "为深入推进{topic}安全治理，{org}组织{count_small:个工作组}，于{date_range}分赴各地开展明查暗访，重点检查企业主体责任落实情况。",
    "{date}，{org}组织召开视频调度会，听取各地{topic}安全工作进展情况汇报，研究解决推进过程中的难点问题。",
    "近期，{org}会同有关部门开展{topic}安全联合执法检查，累计出动执法人员{count:人次}，立案查处违法违规行为{count:起}。",
    "据统计，{date_range}全省{topic}领域共发生事故{count:起}、死亡{count:人}，事故起数{pct_change}，安全生产形势总体稳定。",
    "{org}将{topic}安全作为全年重点工作，投入专项资金{amount}，支持各地开展设施改造和监测预警能力建设。",
]

# Further body paragraphs.
BODY = [
    "会议要求，各地要紧盯重点时段和关键环节，严格落实领导带班和值班值守制度，确保突发事件信息报送及时准确。",
    "截至{date}，全省已完成整改问题隐患{count:项}，整改率{pct_share}，较{year_prev}同期{pp}。",
    "下一步，{org}将持续加大执法检查力度，对发现的重大事故隐患实行挂牌督办，{deadline}实现动态清零。",
    "各地要在{duration}完成自查自改，对排查出的问题逐项建立台账，明确整改责任、措施和时限。",
    "通过专项整治，全省{topic}企业安全管理水平明显提升，重点企业安全风险监测预警覆盖率达到{pct_target}。",
    "{org}已{duration}保持{topic}领域较大以上事故“零发生”，事故起数和死亡人数持续下降。",
    "会议指出，当前{topic}安全生产形势依然严峻复杂，部分企业主体责任落实不到位，违法违规行为时有发生。",
    "检查组采取“四不两直”方式，深入生产经营一线，随机抽查企业{count:家}，现场指出问题{count:处}。",
    "活动期间，各地组织开展安全宣传咨询和应急演练，累计覆盖群众{count_wan:人次}，发放宣传资料{count:份}。",
    "会议强调，要坚持“三管三必须”，推动企业主要负责人切实履行第一责任人职责，做到隐患排查、整改、验收闭环管理。",
    "{org}明确，今年全省{topic}企业安全培训合格率要达到{pct_target}。",
    "从各地上报情况看，事故起数占比{pct_below}的地区有所增加，但个别地区形势仍不容乐观。",
    "针对检查发现的问题，{org}已向有关地方政府印发督办函，要求{duration}报送整改落实情况。",
    "今年以来，全省已投入资金{amount}，改造老旧设施{count:处}，新增监测点位{count:处}。",
    "据监测，全省{topic}安全风险总体可控，重点区域风险等级较{year_prev}{pp}。",
]

# Points: (heading, body). The heading names the measure; the body explains it.
POINTS = [
    ("压实工作责任", "各地要建立主要负责同志牵头抓总的工作机制，逐级签订责任书，把任务分解到具体单位和个人。"),
    ("强化源头管控", "严格项目安全准入，对不符合安全条件的项目一律不予审批，从源头上防范化解安全风险。"),
    ("深化隐患排查", "组织专家对重点企业开展“会诊式”检查，累计排查问题隐患{count:项}，全部纳入闭环管理。"),
    ("严格执法检查", "坚持“零容忍”执法，对违法违规行为依法从严查处，今年以来累计罚款{amount}。"),
    ("加强宣传培训", "分行业分领域开展安全培训，累计培训企业负责人和安全管理人员{count:人}。"),
    ("提升应急能力", "完善应急预案体系，组织开展实战化演练{count:次}，提升快速响应和协同处置能力。"),
    ("推进科技赋能", "建成安全风险监测预警平台，接入重点企业{count:家}，实现风险信息实时推送。"),
    ("完善长效机制", "总结专项整治经验做法，建立常态化隐患排查和整改督办制度，推动治理模式向事前预防转型。"),
    ("突出重点时段", "紧盯节假日和重大活动期间，加密巡查频次，确保各项防范措施落实到位。"),
    ("强化部门协同", "建立联席会议和信息共享机制，定期会商研判形势，形成齐抓共管的工作合力。"),
    ("加大资金投入", "省市县共安排专项资金{amount}，重点支持老旧设施改造和基层监管能力建设。"),
    ("严格考核问责", "将工作推进情况纳入年度安全生产考核，对工作不力、问题突出的地方进行约谈通报。"),
    ("夯实基层基础", "在乡镇街道设立安全监管站所{count:处}，配齐配强专职安全监管人员。"),
    ("开展专项治理", "聚焦群众反映强烈的突出问题，集中开展为期{duration_months}的专项治理行动。"),
    ("落实整改闭环", "对检查发现的问题逐项明确整改责任人和时限，整改完成率达到{pct_share}。"),
    ("健全风险清单", "全面梳理辨识重大安全风险{count:项}，逐一明确管控措施和责任单位。"),
]

# Opening paragraph of a local-experience item ({place} is its region).
LOCAL_OPENINGS = [
    "{place}把{topic}安全作为防范化解重大风险的重要内容，坚持标本兼治、综合施策，推动安全形势持续稳定向好。",
    "今年以来，{place}聚焦{topic}领域突出问题，采取有力措施推进专项整治，{date_range}全域未发生较大以上事故。",
    "{place}针对{topic}领域风险点多面广的特点，创新监管方式，推动企业主体责任落地见效。",
    "{place}以{topic}安全专项整治为抓手，统筹发展和安全，着力构建责任明确、运转高效的安全管理体系。",
]

# Closing paragraphs of a local-experience item.
LOCAL_CLOSINGS = [
    "截至{date}，{place}已完成重点企业整治{count:家}，占计划任务的{pct_share}。",
    "下一步，{place}将持续巩固整治成果，{deadline}实现重点领域隐患动态清零。",
    "通过一系列举措，{place}{topic}领域事故起数{pct_change}，群众安全感和满意度明显提升。",
]

# News that names provinces (gold provinces from the names).
PROVINCE_SENTENCES = [
    "{prov_list}等地已率先完成排查任务，形成了一批可复制可推广的经验做法。",
    "从督导情况看，{prov_list}等地工作推进较快，部分地区仍存在进展不平衡问题。",
]

SECTION_NAMES = [
    "工作动态", "重点工作", "专项整治", "督查督办", "形势分析", "工作部署", "治本攻坚",
    "综合信息", "部门动态", "监管执法",
]
LOCAL_SECTION_NAMES = ["地方经验", "经验交流", "基层实践", "各地动态", "典型做法", "地方经验做法"]

BULLETIN_NAMES = [
    "安全生产简报", "应急管理工作简报", "安全生产工作动态", "防汛抗旱工作简报", "督查工作简报",
    "安全生产专项整治简报", "消防安全工作简报", "工贸行业安全监管简报", "应急管理信息",
]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐"
GIVEN = ["明", "芳", "建国", "伟", "静", "磊", "洋", "丽", "强", "敏", "军", "霞", "涛", "华"]
