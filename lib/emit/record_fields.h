// The one description of the output records: field names, order and value types, written to any
// writer W. The tree (TreeWriter, document_json) and the streamed text (JsonWriter) are both made
// from it, so the two cannot drift apart.
//
// W has: begin_object() end_object() begin_array() end_array() key(FieldName) str(sv)
// integer(long long) boolean(bool) null() real(double). Distinct names, so a literal never picks
// the bool overload.
#pragma once

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_names.h"
#include "core/numeral.h"
#include "emit/field_name.h"
#include "jianbao/document.h"
#include "jianbao/emit.h"

namespace jianbao::emit::fields {

template <class W>
void str(W& w, FieldName key, std::string_view value) {
  w.key(key);
  w.str(value);
}

template <class W>
void integer(W& w, FieldName key, long long value) {
  w.key(key);
  w.integer(value);
}

// An absent field is null, not "".
template <class W>
void str_or_null(W& w, FieldName key, std::string_view value) {
  w.key(key);
  if (value.empty()) {
    w.null();
  } else {
    w.str(value);
  }
}

// A number kept as its digits ("12"): written as an integer, or null when absent.
template <class W>
void integer_or_null(W& w, FieldName key, const std::string& digits) {
  w.key(key);
  if (digits.empty() || digits.size() > 15 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    w.null();
  } else {
    w.integer(std::stoll(digits));
  }
}

// Whole numbers are written as integers. Rounded first to the precision the text can carry, so
// 0.1 + 0.2 noise never shows and a product that is whole on paper is whole here too: 8.3亿 is
// 830000000.0000001 in binary.
template <class W>
void number(W& w, double v) {
  // What the rounding below gives a whole double under 1e15 (format_number prints it as its
  // integer, which stod reads back exactly), without printing and reading it back.
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    w.integer(static_cast<long long>(v));
    return;
  }
  const double r = std::isfinite(v) ? std::stod(core::format_number(v)) : v;
  if (std::isfinite(r) && r == std::floor(r) && std::fabs(r) < 9e15) {
    w.integer(static_cast<long long>(r));
  } else {
    w.real(r);
  }
}

template <class W>
void value(W& w, const Value& v) {
  if (std::holds_alternative<double>(v)) {
    number(w, std::get<double>(v));
  } else if (std::holds_alternative<InternedText>(v)) {
    w.str(std::get<InternedText>(v));
  } else {
    w.null();
  }
}

template <class W>
void lines(W& w, int first, int last) {
  w.key("lines");
  w.begin_array();
  w.integer(first);
  w.integer(last);
  w.end_array();
}

template <class W>
void strings(W& w, FieldName key, const std::vector<std::string>& list) {
  w.key(key);
  w.begin_array();
  for (const std::string& s : list) w.str(s);
  w.end_array();
}

// The parts of an official document outside its body (Document::document).
template <class W>
void official_document(W& w, const OfficialDocument& d) {
  w.begin_object();
  // One string, or a list for a joint mark (its lines: one issuer and 文件 each).
  if (d.issuer_mark.find('\n') == std::string::npos) {
    str_or_null(w, "issuer_mark", d.issuer_mark);
  } else {
    w.key("issuer_mark");
    w.begin_array();
    size_t from = 0;
    for (size_t nl = d.issuer_mark.find('\n'); from <= d.issuer_mark.size();
         nl = d.issuer_mark.find('\n', from)) {
      if (nl == std::string::npos) nl = d.issuer_mark.size();
      w.str(std::string_view(d.issuer_mark).substr(from, nl - from));
      from = nl + 1;
    }
    w.end_array();
  }
  strings(w, "issuers", d.issuers);
  str_or_null(w, "doc_number", d.doc_number);
  str_or_null(w, "urgency", d.urgency);
  str_or_null(w, "secrecy", d.secrecy);
  str_or_null(w, "signer", d.signer);
  str_or_null(w, "title", d.title);
  str_or_null(w, "doc_type", d.doc_type);
  strings(w, "forwards", d.forwards);
  strings(w, "addressee", d.addressee);
  w.key("signature");
  w.begin_object();
  strings(w, "issuers", d.signature.issuers);
  str_or_null(w, "date", d.signature.date);
  w.end_object();
  w.key("attachments");
  w.begin_array();
  for (const Attachment& a : d.attachments) {
    w.begin_object();
    integer(w, "n", a.n);
    str(w, "title", a.title);
    lines(w, a.first_line, a.last_line);
    w.end_object();
  }
  w.end_array();
  str_or_null(w, "note", d.note);
  w.key("imprint");
  w.begin_object();
  str_or_null(w, "office", d.imprint.office);
  str_or_null(w, "date", d.imprint.date);
  w.end_object();
  w.end_object();
}

template <class W>
void point(W& w, const Point& p) {
  w.begin_object();
  integer(w, "n", p.n);
  str(w, "marker", p.marker);
  str(w, "heading", p.heading);
  str(w, "text", p.text);
  lines(w, p.first_line, p.last_line);
  if (!p.points.empty()) {
    w.key("points");
    w.begin_array();
    for (const Point& c : p.points) point(w, c);
    w.end_array();
  }
  w.end_object();
}

// The fields of a metric that carry its meaning, in contract order.
template <class W>
void metric_meaning(W& w, const Metric& m) {
  str(w, "kind", to_string(m.kind));
  str(w, "text", m.text);
  // A date whose year is unknown has a null value (start and end for a range), and its month
  // and day in fields of their own.
  const bool range = m.kind == MetricKind::kDateRange;
  const bool no_year = m.month > 0;
  if (!std::holds_alternative<std::monostate>(m.value) || (no_year && !range)) {
    w.key("value");
    value(w, m.value);
  }
  if (!std::holds_alternative<std::monostate>(m.start) || (no_year && range)) {
    w.key("start");
    value(w, m.start);
  }
  if (!std::holds_alternative<std::monostate>(m.end) || (no_year && range)) {
    w.key("end");
    value(w, m.end);
  }
  if (!m.unit.empty()) str(w, "unit", m.unit);
  if (!m.comparator.empty()) str(w, "comparator", m.comparator);
  if (!m.change.empty()) str(w, "change", m.change);
  if (!m.code.empty()) str(w, "code", m.code);
  if (!m.group.empty()) str(w, "group", m.group);
  if (m.year_inferred) {
    w.key("year_inferred");
    w.boolean(true);
  }
  if (m.month > 0) integer(w, "month", m.month);
  if (m.day > 0) integer(w, "day", m.day);
  if (m.end_month > 0) integer(w, "end_month", m.end_month);
  if (m.end_day > 0) integer(w, "end_day", m.end_day);
}

// Where a metric's line stands in a PDF (page, x, y in points, rounded to one decimal) or a DOCX
// (paragraph); nothing for text input.
template <class W>
void place(W& w, const Metric& m) {
  constexpr double kTenths = 10;
  if (m.page > 0) {
    integer(w, "page", m.page);
    w.key("x");
    number(w, std::round(m.x * kTenths) / kTenths);
    w.key("y");
    number(w, std::round(m.y * kTenths) / kTenths);
  }
  if (m.paragraph > 0) integer(w, "paragraph", m.paragraph);
}

template <class W>
void metric(W& w, const Metric& m, const EmitOptions& options) {
  w.begin_object();
  metric_meaning(w, m);
  integer(w, "line", m.line);
  integer(w, "column", m.column);
  place(w, m);
  str(w, "item", m.item_id);
  w.key("sentence");
  w.str(m.sentence);  // as a SharedText: the figures of a sentence share it
  if (!m.part.empty()) str(w, "part", m.part);
  if (options.explain) str(w, "rule", m.rule_id);
  w.end_object();
}

// The item's text in reading order: its paragraphs and points interleaved as printed, each with
// its lines, so the item can be quoted back whole.
template <class W>
void body(W& w, const Item& item) {
  w.key("body");
  w.begin_array();
  size_t p = 0;
  size_t q = 0;
  while (p < item.paragraphs.size() || q < item.points.size()) {
    const bool paragraph_first =
        q == item.points.size() ||
        (p < item.paragraphs.size() && item.paragraphs[p].first_line <= item.points[q].first_line);
    if (paragraph_first) {
      const Paragraph& para = item.paragraphs[p++];
      w.begin_object();
      str(w, "type", "paragraph");
      str(w, "text", para.text);
      lines(w, para.first_line, para.last_line);
      w.end_object();
    } else {
      const Point& point = item.points[q++];
      w.begin_object();
      str(w, "type", "point");
      str(w, "marker", point.marker);
      str(w, "heading", point.heading);
      str(w, "text", point.text);
      lines(w, point.first_line, point.last_line);
      if (!point.points.empty()) {
        w.key("points");
        w.begin_array();
        for (const Point& c : point.points) fields::point(w, c);
        w.end_array();
      }
      w.end_object();
    }
  }
  w.end_array();
}

template <class W>
void item(W& w, const Item& item, const EmitOptions& options) {
  w.begin_object();
  str(w, "id", item.id);
  str(w, "kind", item.kind);
  str(w, "title", item.title);
  w.key("region");
  if (item.region) {
    w.begin_object();
    str(w, "name", item.region->name);
    str(w, "code", item.region->code);
    str(w, "level", item.region->level);
    w.end_object();
  } else {
    w.null();
  }
  lines(w, item.first_line, item.last_line);
  if (item.first_page > 0) {
    w.key("pages");
    w.begin_array();
    w.integer(item.first_page);
    w.integer(item.last_page);
    w.end_array();
  }
  if (item.first_paragraph > 0) {
    w.key("paragraph_indexes");
    w.begin_array();
    w.integer(item.first_paragraph);
    w.integer(item.last_paragraph);
    w.end_array();
  }
  w.key("paragraphs");
  w.begin_array();
  for (const Paragraph& p : item.paragraphs) w.str(p.text);
  w.end_array();
  w.key("points");
  w.begin_array();
  for (const Point& p : item.points) point(w, p);
  w.end_array();
  body(w, item);
  w.key("metrics");
  w.begin_array();
  for (const Metric& m : item.metrics) metric(w, m, options);
  w.end_array();
  w.key("provinces");
  w.begin_array();
  for (const ProvinceCount& p : item.provinces) {
    w.begin_object();
    str(w, "name", p.name);
    str(w, "code", p.code);
    integer(w, "count", p.count);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

// The jianbao.bulletin/1 record of one bulletin.
template <class W>
void document(W& w, const Document& doc, const EmitOptions& options) {
  w.begin_object();
  str(w, "schema", doc.schema);
  w.key("source");
  w.begin_object();
  // A name that is no UTF-8 is written escaped, with its bytes beside it (core/byte_names.h).
  str(w, "path", core::escape_invalid_utf8(doc.source.path));
  if (core::needs_escaping(doc.source.path)) str(w, "path_bytes", core::hex_bytes(doc.source.path));
  str(w, "sha256", doc.source.sha256);
  integer(w, "bytes", doc.source.bytes);
  str(w, "encoding", doc.source.encoding);
  w.key("bom");
  w.boolean(doc.source.bom);
  str(w, "reader", doc.source.reader);
  if (doc.source.pages > 0) integer(w, "pages", doc.source.pages);
  w.end_object();
  w.key("year");
  w.begin_object();
  w.key("value");
  if (doc.year.value == 0) {
    w.null();
  } else {
    w.integer(doc.year.value);
  }
  str(w, "from", doc.year.from);
  w.end_object();
  str(w, "genre", doc.genre);
  w.key("document");
  if (doc.document) {
    official_document(w, *doc.document);
  } else {
    w.null();
  }
  w.key("masthead");
  if (doc.masthead) {
    const Masthead& m = *doc.masthead;
    w.begin_object();
    str_or_null(w, "title", m.title);
    integer_or_null(w, "issue", m.issue);
    integer_or_null(w, "total_issue", m.total_issue);
    str_or_null(w, "publisher", m.publisher);
    str_or_null(w, "date", m.date);
    strings(w, "notes", m.notes);
    lines(w, m.first_line, m.last_line);
    w.end_object();
  } else {
    w.null();
  }
  w.key("sections");
  w.begin_array();
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    w.begin_object();
    str(w, "title", s.title);
    str(w, "title_from", s.title_from);
    if (doc.document && i < doc.document->section_parts.size()) {
      str(w, "part", doc.document->section_parts[i]);
    }
    w.key("items");
    w.begin_array();
    for (const Item& i : s.items) item(w, i, options);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("distribution");
  w.begin_object();
  strings(w, "report_to", doc.distribution.report_to);
  strings(w, "copy_to", doc.distribution.copy_to);
  strings(w, "cc", doc.distribution.cc);
  strings(w, "send_to", doc.distribution.send_to);
  w.end_object();
  w.key("signature");
  if (doc.signature) {
    w.begin_object();
    strings(w, "issuers", doc.signature->issuers);
    str_or_null(w, "date", doc.signature->date);
    lines(w, doc.signature->first_line, doc.signature->last_line);
    w.end_object();
  } else {
    w.null();
  }
  strings(w, "colophon", doc.colophon);
  w.key("removed");
  w.begin_array();
  for (const Removed& r : doc.removed) {
    w.begin_object();
    str(w, "kind", r.kind);
    integer(w, "line", r.line);
    str(w, "text", r.text);
    w.end_object();
  }
  w.end_array();
  w.key("unclaimed");
  w.begin_array();
  for (const Unclaimed& u : doc.unclaimed) {
    w.begin_object();
    integer(w, "line", u.line);
    str(w, "text", u.text);
    w.end_object();
  }
  w.end_array();
  w.key("diagnostics");
  w.begin_array();
  for (const Diagnostic& d : doc.diagnostics) {
    w.begin_object();
    str(w, "severity", d.severity);
    str(w, "stage", d.stage);
    str(w, "rule", d.rule_id);
    integer(w, "line", d.line);
    if (d.column > 0) integer(w, "column", d.column);
    str(w, "message", d.message);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

// A string field, or null when it is empty (the metric record's context fields).
template <class W>
void nullable_str(W& w, FieldName key, std::string_view value) {
  w.key(key);
  if (value.empty()) {
    w.null();
  } else {
    w.str(value);
  }
}

// An issue number: an integer when it is all ASCII digits, the text otherwise, null when absent.
template <class W>
void issue_number(W& w, FieldName key, std::string_view value) {
  const bool digits = !value.empty() && value.size() < 16 &&
                      value.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits) return nullable_str(w, key, value);
  w.key(key);
  w.integer(std::stoll(std::string(value)));
}

// What a metric record needs to know of its bulletin to be joined with the next month's: the
// masthead's date and issue numbers, the document's genre and title (bulletin: the masthead's).
template <class W>
void bulletin_context(W& w, const Document& doc) {
  const Masthead empty;
  const Masthead& m = doc.masthead ? *doc.masthead : empty;
  nullable_str(w, "masthead_date", m.date);
  issue_number(w, "masthead_issue", m.issue);
  issue_number(w, "masthead_total_issue", m.total_issue);
  str(w, "genre", doc.genre);
  // A bulletin's title is its masthead's; an official document's is its 标题.
  nullable_str(w, "document_title",
               doc.document ? std::string_view(doc.document->title) : std::string_view(m.title));
}

template <class W>
void item_region(W& w, const Item& item) {
  nullable_str(w, "item_region", item.region ? std::string_view(item.region->name) : "");
  nullable_str(w, "item_region_code", item.region ? std::string_view(item.region->code) : "");
}

// The jianbao.metric/1 record: one metric with its file, section and item (the `extract` stream).
template <class W>
void metric_record(W& w, const Document& doc, const Section& section, const Item& item,
                   const Metric& m, const EmitOptions& options) {
  w.begin_object();
  str(w, "schema", "jianbao.metric/1");
  // Flat names are the bulletin record's paths with '_' for '.': source.path -> source_path.
  // A name that is not UTF-8 is written with its bad bytes escaped, and its bytes in hex beside.
  str(w, "source_path", core::escape_invalid_utf8(doc.source.path));
  str(w, "file", core::escape_invalid_utf8(doc.source.path));  // deprecated alias (metric/2)
  if (core::needs_escaping(doc.source.path)) str(w, "file_bytes", core::hex_bytes(doc.source.path));
  bulletin_context(w, doc);
  str(w, "section", section.title);
  str(w, "item", item.id);
  str(w, "item_title", item.title);
  item_region(w, item);
  metric_meaning(w, m);
  integer(w, "line", m.line);
  integer(w, "column", m.column);
  place(w, m);
  w.key("sentence");
  w.str(m.sentence);  // as a SharedText: the figures of a sentence share it
  if (!m.part.empty()) str(w, "part", m.part);
  if (options.explain) str(w, "rule", m.rule_id);
  w.end_object();
}

}  // namespace jianbao::emit::fields
