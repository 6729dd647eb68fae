"""Compose official documents (family `documents`, 公文 by GB/T 9704-2012): 通知, 通报, 意见,
报告/请示 (上行文, with 签发人), 转发/印发 notices; single or joint issuers; attachments on new
pages; 附注; 抄送 and the 印发 line. The gold fields are those of issue 15.

Roles of the blocks (besides the bulletin ones): doc_copy_number (份号), doc_secrecy (密级),
doc_urgency (紧急程度), doc_issuer_mark (发文机关标志, one block per issuer line), doc_number
(发文字号, with 签发人 on the same line for 上行文), doc_title, doc_addressee (主送),
doc_attachment_note (附件说明), doc_note (附注), attachment_label (附件1), attachment_title,
doc_imprint (印发机关和印发日期)."""

import random

import gazetteer
import pool
from fill import fill
from metrics import Slots, cn_date, cn_number, iso

ABBR_DEPT = {"应急管理厅": "应急", "人民政府安全生产委员会": "安", "人民政府": "政",
             "住房和城乡建设厅": "建", "公安厅": "公", "交通运输厅": "交"}
DEPTS = list(ABBR_DEPT)
SUBJECTS = [
    ("做好{year}年汛期安全防范工作", "汛期安全"),
    ("切实加强岁末年初安全生产工作", "岁末年初安全生产"),
    ("开展城镇燃气安全隐患排查整治", "城镇燃气安全"),
    ("进一步加强危险化学品安全监管", "危险化学品安全"),
    ("深化建筑施工安全专项治理", "建筑施工安全"),
    ("做好森林草原防灭火工作", "森林草原防灭火"),
    ("加强重大节假日期间安全防范", "节假日安全防范"),
]
TYPES = ["通知", "通知", "通报", "意见", "报告", "请示", "紧急通知", "转发通知", "印发通知"]
ADDRESSEES_DOWN = ["各市人民政府", "省政府有关部门", "各市应急管理局", "省安委会各成员单位",
                   "省有关部门、单位", "各县（市、区）应急管理局", "省属有关企业"]
ADDRESSEES_UP = ["应急管理部", "省人民政府", "国务院安委会办公室"]
SECTION_HEADS = [
    "提高政治站位，切实增强做好工作的责任感", "突出重点领域，扎实开展隐患排查整治",
    "强化监管执法，严厉打击违法违规行为", "加强应急准备，提升突发事件处置能力",
    "压实各方责任，确保各项措施落地见效", "总体要求", "主要任务", "保障措施",
]
NOTICE_CASES = [  # 通报 items: what happened, with figures
    "{date_range}，全省共发生生产安全事故{count:起}、死亡{count:人}，事故起数{pct_change}。",
    "{date}，某企业发生一起较大生产安全事故，造成{count:人}死亡，直接经济损失{amount}。",
    "督查组共抽查企业{count:家}，发现问题隐患{count:项}，其中重大事故隐患{count:项}。",
]


def person(r):
    return r.choice(pool.SURNAMES) + r.choice(pool.GIVEN)


class DocComposer:
    def __init__(self, case, seed):
        self.r = random.Random(seed)
        self.case = case
        self.seed = seed
        self.blocks = []

    def add(self, role, text="", **kw):
        b = {"role": role, "text": text}
        b.update({k: v for k, v in kw.items() if v is not None})
        self.blocks.append(b)
        return b

    def compose(self):
        r = self.r
        year = r.choice([2023, 2024, 2025])
        month = r.randint(2, 11)
        day = r.randint(1, 25)
        self.slots = Slots(r, year, month)
        prov = r.choice(gazetteer.provinces())
        kind = r.choice(TYPES)
        upward = kind in ("报告", "请示")
        nissuers = 1 if upward or r.random() < 0.6 else r.randint(2, 3)
        depts = r.sample(DEPTS, nissuers)
        issuers = [prov["name"] + d for d in depts]
        abbr = prov["abbr"] + "".join(ABBR_DEPT[d] for d in depts[:1])
        word = {"报告": "报", "请示": "请"}.get(kind, r.choice(["发", "字", "函"]))
        number = r.randint(1, 120)
        doc_number = f"{abbr}{word}〔{year}〕{number}号"
        doc = {"issuer_mark": None, "issuers": issuers, "doc_number": doc_number,
               "urgency": None, "secrecy": None, "signer": None}
        if r.random() < 0.2:
            self.add("doc_copy_number", f"{r.randint(1, 999):06d}", align="left", font="sans")
        if r.random() < 0.2:
            secrecy = r.choice(["秘密", "机密★1年", "秘密★6个月"])
            self.add("doc_secrecy", secrecy, align="left", font="sans")
            doc["secrecy"] = secrecy
        if r.random() < 0.3 or kind == "紧急通知":
            urgency = r.choice(["特急", "加急"]) if kind != "紧急通知" else "紧急"
            if kind != "紧急通知":
                self.add("doc_urgency", urgency, align="left", font="sans")
            doc["urgency"] = urgency
        mark_kw = dict(align="center", size=r.choice([32, 36]), color="FF0000", bold=True,
                       font="serif", style="Title")
        if nissuers == 1:
            mark = issuers[0] + "文件"
            self.add("doc_issuer_mark", mark, **mark_kw)
            doc["issuer_mark"] = mark
        else:
            for name in issuers:
                self.add("doc_issuer_mark", name, **mark_kw)
            self.add("doc_issuer_mark", "文件", **mark_kw)
            doc["issuer_mark"] = [name + "文件" for name in issuers]
        if upward:
            signer = person(r)
            self.add("doc_number", f"{doc_number}　　　　签发人：{signer}", align="left",
                     border_bottom="FF0000")
            doc["signer"] = signer
        else:
            self.add("doc_number", doc_number, align="center", border_bottom="FF0000")
        subject, theme = r.choice(SUBJECTS)
        subject = subject.format(year=year)
        forwards = []
        if kind == "转发通知":
            fwd = f"应急管理部关于{subject}的通知"
            title = f"{issuers[0]}关于转发《{fwd}》的通知"
            forwards = [fwd]
            doc_type = "通知"
        elif kind == "印发通知":
            fwd = f"{theme}专项整治工作方案"
            title = f"关于印发《{fwd}》的通知"
            forwards = [fwd]
            doc_type = "通知"
        else:
            title = f"关于{subject}的{kind}"
            doc_type = kind[-2:]
        doc.update(title=title, doc_type=doc_type, forwards=forwards)
        self.title_blocks(title)
        addressee = (r.sample(ADDRESSEES_UP, 1) if upward
                     else r.sample(ADDRESSEES_DOWN, r.randint(1, 4)))
        self.add("doc_addressee", "，".join(addressee) + "：", align="left")
        doc["addressee"] = addressee
        words = {"org": issuers[0], "topic": theme.replace("安全", "") or theme}
        ending = {"报告": "现将有关情况报告如下。", "请示": "现就有关事项请示如下。",
                  "意见": "现提出如下意见。", "通报": "现将有关情况通报如下。"}.get(
                      kind, "现就有关事项通知如下。")
        intro, _, _ = fill("为深入贯彻落实安全生产决策部署，切实做好{topic}工作，有效防范遏制各类事故发生，"
                           + ending, self.slots, words)
        self.add("paragraph", intro, indent_first=2, align="justify", part="intro")
        sections = []
        heads = r.sample(SECTION_HEADS, r.randint(2, 5))
        for s, head in enumerate(heads):
            sections.append(self.section(s, head, words, kind))
        attachments = []
        if r.random() < 0.45:
            n = r.randint(1, 2)
            titles = [f"{theme}{t}" for t in r.sample(["重点检查内容", "隐患排查清单", "工作进度统计表",
                                                       "责任分工表"], n)]
            if n == 1:
                self.add("doc_attachment_note", f"附件：{titles[0]}", align="left", indent_first=2)
            else:
                self.add("doc_attachment_note", f"附件：1. {titles[0]}", align="left",
                         indent_first=2)
                self.add("doc_attachment_note", f"2. {titles[1]}", align="left", indent_first=5)
            attachments = [{"n": k + 1, "title": t} for k, t in enumerate(titles)]
        date_text = (cn_date(year, month, day) if r.random() < 0.3 else f"{year}年{month}月{day}日")
        for name in issuers:
            self.add("signature_issuer", name, align="right")
        self.add("signature_date", date_text, align="right")
        doc["signature"] = {"issuers": issuers, "date": iso(year, month, day)}
        note = None
        if r.random() < 0.5:
            note = r.choice(["（此件公开发布）", "（此件依申请公开）", "（此件不公开）"])
            self.add("doc_note", note, align="left", indent_first=2)
        doc["note"] = note
        att_gold = []
        for a in attachments:
            self.add("attachment_label", f"附件{a['n']}" if len(attachments) > 1 else "附件",
                     align="left", font="sans", page_break_before=True, part="attachment")
            self.add("attachment_title", a["title"], align="center", bold=True, font="sans",
                     size=18)
            body_metrics = []
            for _ in range(r.randint(2, 4)):
                t, m, _ = fill(r.choice(pool.POINTS)[1], self.slots, words)
                self.add("paragraph", t, indent_first=2, align="justify", part="attachment")
                body_metrics += m
            att_gold.append({"n": a["n"], "title": a["title"], "metrics": body_metrics})
        doc["attachments"] = att_gold
        cc = r.sample(["省委办公厅", "省人大常委会办公厅", "省政协办公厅", "应急管理部",
                       "省纪委监委机关", "省法院", "省检察院"], r.randint(1, 3))
        self.add("distribution", "抄送：" + "，".join(cc) + "。", align="left", size=14,
                 border_top="000000", key="cc")
        office = issuers[0] + "办公室" if not issuers[0].endswith("办公室") else issuers[0]
        imonth, iday = (month, min(28, day + r.randint(0, 3)))
        line = f"{office}　　{year}年{imonth}月{iday}日印发"
        if len(line) <= 30:
            self.add("doc_imprint", line, align="left", size=14, border_top="000000",
                     border_bottom="000000")
        else:  # too long for one line at 14 pt: the date goes right-aligned on the next
            self.add("doc_imprint", office, align="left", size=14, border_top="000000")
            self.add("doc_imprint", f"{year}年{imonth}月{iday}日印发", align="right", size=14,
                     border_bottom="000000")
        doc["imprint"] = {"office": office, "date": iso(year, imonth, iday)}
        return {
            "format": "jianbao.composition/1",
            "family": "documents",
            "case": self.case,
            "seed": self.seed,
            "genre": "official_document",
            "page": {"numbers": r.choice(["gbt9704", "gbt9704_wide", "dash_center"]),
                     "first_page_number": True, "header": None, "footer": None},
            "blocks": self.blocks,
            "gold": {"genre": "official_document", "year": year, "document": doc,
                     "sections": sections, "distribution": {"report_to": [], "copy_to": [],
                                                            "send_to": [], "cc": cc},
                     "colophon": [], "signature": None},
        }

    def title_blocks(self, title):
        kw = dict(align="center", bold=True, font="serif", size=22, part="doc_title")
        if len(title) > 22 and self.r.random() < 0.6:
            cut = len(title) // 2
            self.add("doc_title", title[:cut], **kw)
            self.add("doc_title", title[cut:], **kw)
        else:
            self.add("doc_title", title, **kw)

    def section(self, s, head, words, kind):
        r = self.r
        ref = {"section": s}
        marker = f"{'一二三四五六七八九'[s]}、"
        metrics = []
        run_in = r.random() < 0.4
        first, m, _ = fill(r.choice(NOTICE_CASES if kind == "通报" else pool.BODY), self.slots,
                           words)
        metrics += m
        if run_in:
            # "一、高度重视…。近期…": the heading and the first paragraph in one paragraph.
            self.add("section_heading", f"{marker}{head}。{first}", indent_first=2,
                     align="justify", ref=ref, run_in=True)
        else:
            self.add("section_heading", f"{marker}{head}", indent_first=2, align="left",
                     font="sans", ref=ref)
            self.add("paragraph", first, indent_first=2, align="justify", ref=ref)
        npoints = 0
        if r.random() < 0.6:
            npoints = r.randint(2, 4)
            for k, (h, t) in enumerate(r.sample(pool.POINTS, npoints)):
                t, m, _ = fill(t, self.slots, words)
                metrics += m
                self.add("paragraph", f"（{cn_number(k + 1)}）{h}。{t}", indent_first=2,
                         align="justify", ref=ref, point=True)
        return {"title": head, "points": npoints, "metrics": metrics, "items": []}


def compose(case, seed):
    return DocComposer(case, seed).compose()
