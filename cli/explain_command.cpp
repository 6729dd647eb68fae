// jianbao explain: dumps one stage's output as YAML, the main debugging tool.
#include <fmt/format.h>

#include <cmath>
#include <iostream>

#include "cli_io.h"
#include "commands.h"
#include "jianbao/emit.h"
#include "jianbao/layout.h"
#include "jianbao/read.h"
#include "parse_options.h"

namespace jianbao::cli {
namespace {

struct ExplainArgs {
  InputArgs in;
  std::string stage = "layout";
};

nlohmann::ordered_json layout_json(const layout::CleanText& clean) {
  nlohmann::ordered_json j;
  j["wrapped"] = clean.wrapped;
  j["full_width"] = clean.full_width;
  j["indent_width"] = clean.indent_width;
  j["blocks"] = nlohmann::ordered_json::array();
  for (const layout::Block& b : clean.blocks) {
    j["blocks"].push_back(
        {{"shape", b.shape == layout::Block::Shape::kTitle ? "title" : "paragraph"},
         {"lines", {b.first_line(), b.last_line()}},
         {"page_start", b.page_start},
         {"text", b.text}});
  }
  j["page_sections"] = nlohmann::ordered_json::array();
  for (const layout::PageSection& p : clean.page_sections) {
    j["page_sections"].push_back(
        {{"page_first_line", p.page_first_line}, {"title", p.title}, {"line", p.line}});
  }
  j["removed"] = nlohmann::ordered_json::array();
  for (const Removed& r : clean.removed) {
    j["removed"].push_back({{"kind", r.kind}, {"line", r.line}, {"text", r.text}});
  }
  return j;
}

// The reader's facts about one line, only those it knows.
nlohmann::ordered_json facts_json(const decode::LineFacts& f) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (f.page) {
    j["page"] = f.page;
    j["x"] = std::round(f.x);
    j["y"] = std::round(f.y);
    j["width"] = std::round(f.width);
  }
  if (f.size > 0) j["size"] = std::round(f.size * 100) / 100;
  if (f.paragraph) j["paragraph"] = f.paragraph;
  if (!f.part.empty()) j["part"] = f.part;
  if (!f.style.empty()) j["style"] = f.style;
  if (!f.number.empty()) j["number"] = f.number;
  if (f.table_row) j["table"] = {f.table_row, f.table_column};
  for (const auto& [key, on] :
       {std::pair{"centred", f.centred}, {"bold", f.bold}, {"red", f.red}, {"title", f.title}}) {
    if (on) j[key] = true;
  }
  if (!f.furniture.empty()) j["furniture"] = f.furniture;
  if (f.flow != decode::LineFacts::Flow::kUnknown) {
    j["flow"] = f.flow == decode::LineFacts::Flow::kContinues ? "continues" : "starts";
  }
  return j;
}

int run_explain(ExplainArgs args) {
  default_to_stdin(&args.in.inputs);
  if (args.in.inputs.empty()) {
    report(Status::invalid_argument("explain: no input (give files, or - for stdin)"));
    return kExitUsage;
  }
  const auto rules = load_rules_or_report(args.in.rules_dir);
  if (!rules) return kExitUsage;
  const ParseOptions options = to_parse_options(args.in);
  for (const std::string& path : args.in.inputs) {
    auto bytes = read_input(path, to_read_limits(args.in));
    if (!bytes.ok()) {
      report(bytes.status());
      return kExitUsage;
    }
    auto decoded = read::read_document(bytes.value(), path, *rules, options.decode);
    if (!decoded.ok()) {
      report(decoded.status());
      return kExitUsage;
    }
    nlohmann::ordered_json out;
    if (args.stage == "decode") {
      const decode::DecodedText& d = decoded.value();
      out["encoding"] = d.encoding;
      out["reader"] = d.reader;
      out["lines"] = nlohmann::ordered_json::array();
      for (size_t i = 0; i < d.lines.size(); ++i) {
        const auto& l = d.lines[i];
        nlohmann::ordered_json line = {
            {"n", l.number}, {"form_feed", l.form_feed}, {"text", l.text}};
        if (i < d.facts.size()) line["facts"] = facts_json(d.facts[i]);
        out["lines"].push_back(std::move(line));
      }
    } else {
      const layout::CleanText clean = layout::clean_layout(decoded.value(), *rules);
      out = layout_json(clean);
    }
    std::cout << "---\n" << emit::to_yaml(out);
  }
  return kExitOk;
}

}  // namespace

void add_explain_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd = app.add_subcommand("explain", "Dump one pipeline stage's output as YAML");
  cmd->footer("Example:\n  jianbao explain --stage layout samples/01_wrapped_pdf.txt");
  bind_input_args(cmd, &args->in);
  cmd->add_option("--stage", args->stage, "decode or layout (parse shows the later stages)")
      ->check(CLI::IsMember({"decode", "layout"}));
  cmd->callback([args, &exit_code] { exit_code = run_explain(*args); });
}

}  // namespace jianbao::cli
