// jianbao batch: files and directories in, one output each under OUTDIR, on every core.
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "cli_io.h"
#include "commands.h"
#include "jianbao/batch.h"
#include "parse_options.h"

namespace jianbao::cli {
namespace {

struct BatchArgs {
  InputArgs in;  // inputs, --rules, --encoding, --date, --explain (output is OUTDIR here)
  std::string out_dir;
  std::string format = "json";
  std::string glob = "*.txt";
  int jobs = 0;
  bool force = false;
  bool prune = false;
  bool follow_symlinks = false;
};

// Files done, rate and ETA on one stderr line, redrawn in place. Drawn only on a terminal.
class ProgressLine {
 public:
  ProgressLine() : on_(isatty(STDERR_FILENO) == 1), color_(on_ && use_color()) {}
  bool on() const { return on_; }

  void draw(const batch::Progress& p) {
    if (!on_ || p.total == 0) return;
    const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
    const std::string eta =
        rate > 0 ? format_duration(static_cast<double>(p.total - p.done) / rate) : "--:--";
    const std::string text = fmt::format(" {}/{} files  {:.1f}/s  ETA {}{}", p.done, p.total, rate,
                                         eta, p.failed ? fmt::format("  {} failed", p.failed) : "");
    const int width = std::clamp(terminal_width() - static_cast<int>(text.size()) - 3, 0, 40);
    const int filled = static_cast<int>(width * p.done / p.total);
    const std::string bar = std::string(filled, '#') + std::string(width - filled, '-');
    std::cerr << "\r\033[K[" << (color_ ? fmt::format("\033[32m{}\033[0m", bar) : bar) << "]"
              << text << std::flush;
  }
  void clear() {
    if (on_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  // https://no-color.org: any non-empty NO_COLOR turns colour off; so does a dumb terminal.
  static bool use_color() {
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return (no_color == nullptr || *no_color == '\0') &&
           (term == nullptr || std::string(term) != "dumb");
  }
  static int terminal_width() {
    winsize ws{};
    return ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;
  }
  static std::string format_duration(double seconds) {
    const long s = std::lround(seconds);
    return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                     : fmt::format("{}:{:02}", s / 60, s % 60);
  }
  bool on_;
  bool color_;
};

int run_batch_command(const BatchArgs& args) {
  emit::Format format;
  emit::parse_format(args.format, &format);
  batch::Skipped not_taken;
  auto files =
      batch::find_inputs(args.in.inputs, args.glob, args.out_dir, args.follow_symlinks, &not_taken);
  if (!files.ok()) {
    report(files.status());
    return kExitUsage;
  }
  for (const batch::SkippedInput& n : not_taken) {
    std::cerr << fmt::format("jianbao: {}: not taken: {}\n", n.path, n.reason);
  }
  const auto rules = load_rules_or_report(args.in.rules_dir);
  if (!rules) return kExitUsage;

  ProgressLine progress;
  const InterruptGuard interrupts;
  batch::BatchOptions options{
      .out_dir = args.out_dir,
      .format = format,
      .jobs = args.jobs,
      .force = args.force,
      .prune = args.prune,
      .follow_symlinks = args.follow_symlinks,
      .read = to_read_limits(args.in),
      .parse = to_parse_options(args.in),
      .emit = {.explain = args.in.explain},
      .tool_version = JB_VERSION,
      .cancel = &interrupts.flag(),
      .on_progress = [&progress](const batch::Progress& p) { progress.draw(p); },
      .on_failure =
          [&progress](const batch::InputFile&, const Status& s) {
            progress.clear();
            report(s);
          },
      .not_taken = not_taken,
  };
  auto summary = batch::run_batch(files.value(), *rules, options);
  progress.clear();
  if (!summary.ok()) {
    report(summary.status());
    return summary.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFailed;
  }
  const batch::Summary& s = summary.value();
  if (s.stale_temp_files > 0) {
    std::cerr << fmt::format("jianbao: removed {} temporary files an interrupted run left\n",
                             s.stale_temp_files);
  }
  if (s.cancelled) {
    std::cerr << fmt::format("jianbao: interrupted after {} of {} files; nothing half-written\n",
                             s.converted + s.skipped + s.failed, s.files);
    return kExitInterrupted;
  }
  if (progress.on()) {
    std::cerr << fmt::format(
        "{} files: {} converted, {} unchanged, {} failed; {} items, {} metrics "
        "in {:.1f} s\n",
        s.files, s.converted, s.skipped, s.failed, s.items, s.metrics, s.seconds);
  }
  return s.failed > 0 ? kExitFailed : kExitOk;
}

}  // namespace

void add_batch_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<BatchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "batch", "Convert files and directories into OUTDIR, one output per input, on every core");
  cmd->footer(
      "Writes OUTDIR/<relative path>.<format> per input, OUTDIR/metrics.jsonl (every metric, in\n"
      "input order) and OUTDIR/summary.json. A re-run skips inputs whose bytes, rules and options\n"
      "are unchanged (OUTDIR/.jianbao-manifest.jsonl). A bad file is reported as FILE: error and\n"
      "skipped; the exit code is then 1. Ctrl-C stops cleanly (exit 130).\n"
      "Example:\n  jianbao batch samples/ -o out/ -j 2 && jq .failed out/summary.json");
  cmd->add_option("inputs", args->in.inputs,
                  "Bulletin files and directories (searched recursively)")
      ->required();
  cmd->add_option("-o,--output", args->out_dir, "Output directory (created when missing)")
      ->required();
  cmd->add_option("-j,--jobs", args->jobs, "Worker threads; 0 (default) uses every core")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("-f,--format", args->format, "json (default), jsonl or yaml")
      ->check(CLI::IsMember({"json", "jsonl", "yaml"}));
  cmd->add_option("--glob", args->glob, "File names to take from directories (default *.txt)");
  cmd->add_flag("--force", args->force,
                "Convert every input, even those unchanged since the last run");
  cmd->add_flag("--prune", args->prune,
                "Remove the outputs the last run made for inputs that are gone (outputs of an "
                "earlier format are always replaced)");
  cmd->add_flag("--follow-symlinks", args->follow_symlinks,
                "Take symlinks that lead out of the input directories, and write through "
                "symlinked directories inside OUTDIR (default: skip them and say so)");
  bind_parse_settings(cmd, &args->in);
  cmd->callback([args, &exit_code] { exit_code = run_batch_command(*args); });
}

}  // namespace jianbao::cli
