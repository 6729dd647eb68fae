// The HTML report: every part inline (styles, SVG), nothing fetched, no script.
#include <fmt/format.h>

#include <set>

#include "jianbao/trend.h"
#include "trend/html_escape.h"
#include "trend/svg_chart.h"

namespace jianbao::trend {
namespace {

constexpr const char* kStyle =
    "body{font-family:sans-serif;margin:1.5em;color:#222}"
    "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em}"
    ".charts{display:flex;flex-wrap:wrap;gap:12px}"
    ".series{border:1px solid #ddd;padding:6px;width:372px}"
    ".series h3{font-size:.85em;margin:0 0 4px;font-weight:normal}"
    "table{border-collapse:collapse;font-size:.85em}"
    "td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}"
    "td.named{background:#d9ead3;text-align:center}";

std::string issues_table(const std::vector<Issue>& issues) {
  std::string out =
      "<table id=\"issues\"><tr><th>issue</th><th>title</th><th>source</th><th>items</th>"
      "<th>metrics</th></tr>";
  for (const Issue& i : issues) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                       html_escape(i.label()), html_escape(i.title), html_escape(i.path),
                       i.items.size(), i.metrics.size());
  }
  return out + "</table>";
}

// Provinces down, issues across; a cell holds the mentions in that issue.
std::string provinces_table(const std::vector<Issue>& issues) {
  std::vector<ProvinceNamed> all;
  std::set<std::string> seen;
  for (const Issue& i : issues) {
    for (const ProvinceNamed& p : i.provinces) {
      if (seen.insert(p.name).second) all.push_back(p);
    }
  }
  std::string out = "<table id=\"provinces\"><tr><th>province</th><th>code</th>";
  for (const Issue& i : issues) out += "<th>" + html_escape(i.label()) + "</th>";
  out += "</tr>";
  for (const ProvinceNamed& p : all) {
    out += fmt::format("<tr><td>{}</td><td>{}</td>", html_escape(p.name), html_escape(p.code));
    for (const Issue& i : issues) {
      int count = 0;
      for (const ProvinceNamed& q : i.provinces) {
        if (q.name == p.name) count = q.count;
      }
      out += count ? fmt::format("<td class=\"named\">{}</td>", count) : "<td></td>";
    }
    out += "</tr>";
  }
  return out + "</table>";
}

std::string changes_table(const std::vector<Issue>& issues, const KeyParts& parts,
                          const std::vector<std::string>& kinds) {
  std::string out =
      "<table id=\"changes\"><tr><th>from</th><th>to</th><th>items added</th>"
      "<th>items dropped</th><th>provinces added</th><th>provinces dropped</th></tr>";
  auto items = [](const std::vector<IssueItem>& list) {
    std::string s;
    for (const IssueItem& i : list) s += "<div>" + html_escape(i.title) + "</div>";
    return s;
  };
  auto provinces = [](const std::vector<ProvinceNamed>& list) {
    std::string s;
    for (const ProvinceNamed& p : list) s += "<div>" + html_escape(p.name) + "</div>";
    return s;
  };
  for (size_t i = 1; i < issues.size(); ++i) {
    const IssueDiff d = diff_issues(issues[i - 1], issues[i], parts, kinds);
    out += fmt::format(
        "<tr class=\"change\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "</tr>",
        html_escape(issues[i - 1].label()), html_escape(issues[i].label()), items(d.items_added),
        items(d.items_dropped), provinces(d.provinces_added), provinces(d.provinces_dropped));
  }
  return out + "</table>";
}

}  // namespace

std::string html_report(const std::vector<Issue>& issues, const std::vector<Series>& series,
                        const KeyParts& parts, const std::vector<std::string>& kinds) {
  const std::string title = issues.empty() || issues.front().title.empty()
                                ? std::string("jianbao trend")
                                : "jianbao trend: " + issues.front().title;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{}</title><style>{}</style>"
      "</head><body>\n<h1>{}</h1>\n",
      html_escape(title), kStyle, html_escape(title));
  out += fmt::format("<p>{} issues, {} series.</p>\n", issues.size(), series.size());
  out += "<h2>Issues</h2>\n" + issues_table(issues) + "\n";
  out += "<h2>Series</h2>\n<div class=\"charts\" id=\"series\">\n";
  for (const Series& s : series) {
    out += fmt::format("<div class=\"series\"><h3>{}</h3>{}</div>\n", html_escape(s.key),
                       svg_chart(s, issues));
  }
  out += "</div>\n<h2>Provinces named per issue</h2>\n" + provinces_table(issues) + "\n";
  out += "<h2>Items added and dropped</h2>\n" + changes_table(issues, parts, kinds) + "\n";
  return out + "</body></html>\n";
}

}  // namespace jianbao::trend
