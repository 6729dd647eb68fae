// The one description of the output records: field names, order and value types, written to any
// writer W. The tree (TreeWriter, document_json) and the streamed text (JsonWriter) are both made
// from it, so the two cannot drift apart.
//
// W has: begin_object() end_object() begin_array() end_array() key(sv) str(sv) integer(long long)
// boolean(bool) null() real(double). Distinct names, so a literal never picks the bool overload.
#pragma once

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_names.h"
#include "core/numeral.h"
#include "jianbao/document.h"
#include "jianbao/emit.h"

namespace jianbao::emit::fields {

template <class W>
void str(W& w, std::string_view key, std::string_view value) {
  w.key(key);
  w.str(value);
}

template <class W>
void integer(W& w, std::string_view key, long long value) {
  w.key(key);
  w.integer(value);
}

// An absent field is null, not "".
template <class W>
void str_or_null(W& w, std::string_view key, std::string_view value) {
  w.key(key);
  if (value.empty()) {
    w.null();
  } else {
    w.str(value);
  }
}

// A number kept as its digits ("12"): written as an integer, or null when absent.
template <class W>
void integer_or_null(W& w, std::string_view key, const std::string& digits) {
  w.key(key);
  if (digits.empty() || digits.size() > 15 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    w.null();
  } else {
    w.integer(std::stoll(digits));
  }
}

// Whole numbers are written as integers.
template <class W>
void number(W& w, double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15) {
    w.integer(static_cast<long long>(v));
  } else {
    // Round to the precision the text can carry, so 0.1 + 0.2 noise never shows.
    w.real(std::stod(core::format_number(v)));
  }
}

template <class W>
void value(W& w, const Value& v) {
  if (std::holds_alternative<double>(v)) {
    number(w, std::get<double>(v));
  } else if (std::holds_alternative<std::string>(v)) {
    w.str(std::get<std::string>(v));
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
void strings(W& w, std::string_view key, const std::vector<std::string>& list) {
  w.key(key);
  w.begin_array();
  for (const std::string& s : list) w.str(s);
  w.end_array();
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
  if (!std::holds_alternative<std::monostate>(m.value)) {
    w.key("value");
    value(w, m.value);
  }
  if (!std::holds_alternative<std::monostate>(m.start)) {
    w.key("start");
    value(w, m.start);
  }
  if (!std::holds_alternative<std::monostate>(m.end)) {
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
}

template <class W>
void metric(W& w, const Metric& m, const EmitOptions& options) {
  w.begin_object();
  metric_meaning(w, m);
  integer(w, "line", m.line);
  integer(w, "column", m.column);
  str(w, "item", m.item_id);
  str(w, "sentence", m.sentence);
  if (options.explain) str(w, "rule", m.rule_id);
  w.end_object();
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
  w.key("paragraphs");
  w.begin_array();
  for (const Paragraph& p : item.paragraphs) w.str(p.text);
  w.end_array();
  w.key("points");
  w.begin_array();
  for (const Point& p : item.points) point(w, p);
  w.end_array();
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
  for (const Section& s : doc.sections) {
    w.begin_object();
    str(w, "title", s.title);
    str(w, "title_from", s.title_from);
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
    str(w, "message", d.message);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

// The jianbao.metric/1 record: one metric with its file, section and item (the `extract` stream).
template <class W>
void metric_record(W& w, const Document& doc, const Section& section, const Item& item,
                   const Metric& m, const EmitOptions& options) {
  w.begin_object();
  str(w, "schema", "jianbao.metric/1");
  str(w, "file", core::escape_invalid_utf8(doc.source.path));
  if (core::needs_escaping(doc.source.path)) str(w, "file_bytes", core::hex_bytes(doc.source.path));
  str(w, "section", section.title);
  str(w, "item", item.id);
  str(w, "item_title", item.title);
  metric_meaning(w, m);
  integer(w, "line", m.line);
  integer(w, "column", m.column);
  str(w, "sentence", m.sentence);
  if (options.explain) str(w, "rule", m.rule_id);
  w.end_object();
}

}  // namespace jianbao::emit::fields
