// The batch runner: input discovery, output names, the manifest, and run_batch end to end on the
// samples, in a scratch directory beside the test binary (inside the build tree).
#include "jianbao/batch.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "batch/manifest.h"
#include "jianbao/ruleset.h"

namespace jianbao::batch {
namespace {

namespace fs = std::filesystem;

// A fresh, empty directory under the build tree for one test.
fs::path scratch(const std::string& name) {
  const fs::path dir = fs::read_symlink("/proc/self/exe").parent_path() / "batch_test_work" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Every file under `dir` by relative path, with its bytes; summary.json is left out because its
// "seconds" differ between runs.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().filename() == kSummaryFile) continue;
    out[e.path().lexically_relative(dir).generic_string()] = slurp(e.path());
  }
  return out;
}

std::vector<std::string> relatives(const std::vector<InputFile>& files) {
  std::vector<std::string> out;
  for (const InputFile& f : files) out.push_back(f.relative);
  return out;
}

const RuleSet& rules() {
  static const auto loaded = load_rules({});
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.status().to_string()));
  return *loaded.value();
}

TEST_CASE("batch: find_inputs expands files and directories in a stable order") {
  const fs::path root = scratch("find");
  for (const char* f : {"d/b.txt", "d/a.txt", "d/sub/c.txt", "d/sub/skip.md", "d/out/x.txt",
                        "e/z.txt", "single.md"}) {
    write(root / f, "x");
  }
  fs::create_symlink("missing", root / "d/dangling.txt");
  REQUIRE(mkfifo((root / "d/fifo.txt").c_str(), 0600) == 0);
  const std::string d = (root / "d").string(), e = (root / "e").string();
  const std::string single = (root / "single.md").string();
  struct Row {
    const char* name;
    std::vector<std::string> inputs;
    std::string glob;
    std::string exclude;
    std::vector<std::string> want;
  };
  const Row rows[] = {
      {.name = "a directory: recursive, sorted, dangling link kept, FIFO and output dir skipped",
       .inputs = {d},
       .glob = "*.txt",
       .exclude = d + "/out",
       .want = {"a.txt", "b.txt", "dangling.txt", "sub/c.txt"}},
      {.name = "without an excluded directory its files are inputs too",
       .inputs = {d},
       .glob = "*.txt",
       .exclude = "",
       .want = {"a.txt", "b.txt", "dangling.txt", "out/x.txt", "sub/c.txt"}},
      {.name = "--glob picks other names",
       .inputs = {d},
       .glob = "*.md",
       .exclude = "",
       .want = {"sub/skip.md"}},
      {.name = "arguments keep their order; a named file ignores the glob",
       .inputs = {e, single, d + "/sub"},
       .glob = "*.txt",
       .exclude = "",
       .want = {"z.txt", "single.md", "c.txt"}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    auto files = find_inputs(r.inputs, r.glob, r.exclude);
    REQUIRE_MESSAGE(files.ok(), (files.ok() ? "" : files.status().to_string()));
    CHECK(relatives(files.value()) == r.want);
  }
  auto files = find_inputs({d + "/sub"}, "*.txt", "");
  REQUIRE(files.ok());
  CHECK(files.value().at(0).path == d + "/sub/c.txt");
}

TEST_CASE("batch: find_inputs refuses what would overwrite an output") {
  const fs::path root = scratch("refuse");
  for (const char* f :
       {"a/x.txt", "b/x.txt", "c/x.txt", "c/x.md", "r/summary.txt", "r/metrics.txt"}) {
    write(root / f, "x");
  }
  struct Row {
    const char* name;
    std::vector<std::string> inputs;
    std::string glob;
    std::string want_in_message;
  };
  const Row rows[] = {
      {.name = "missing input",
       .inputs = {(root / "nope").string()},
       .glob = "*.txt",
       .want_in_message = "no such file"},
      {.name = "two directories with the same relative path",
       .inputs = {(root / "a").string(), (root / "b").string()},
       .glob = "*.txt",
       .want_in_message = "same output name"},
      {.name = "same stem, other extension",
       .inputs = {(root / "c").string()},
       .glob = "*",
       .want_in_message = "same output name"},
      {.name = "summary.json is the batch's own",
       .inputs = {(root / "r/summary.txt").string()},
       .glob = "*",
       .want_in_message = "overwrite"},
      {.name = "metrics.jsonl is the batch's own",
       .inputs = {(root / "r").string()},
       .glob = "metrics.*",
       .want_in_message = "overwrite"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    auto files = find_inputs(r.inputs, r.glob, "");
    REQUIRE_FALSE(files.ok());
    CHECK(files.status().code() == Status::Code::kInvalidArgument);
    CHECK(files.status().to_string().find(r.want_in_message) != std::string::npos);
  }
}

TEST_CASE("batch: output names mirror the input with the format's extension") {
  struct Row {
    std::string relative;
    emit::Format format;
    std::string want;
  };
  const Row rows[] = {
      {"a.txt", emit::Format::kJson, "a.json"},
      {"sub/dir/a.txt", emit::Format::kYaml, "sub/dir/a.yaml"},
      {"a.b.txt", emit::Format::kJsonl, "a.b.jsonl"},
      {"noext", emit::Format::kJson, "noext.json"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.relative);
    CHECK(output_name(r.relative, r.format) == r.want);
  }
}

std::string without_last_line(std::string s) {
  s.erase(s.rfind('\n', s.size() - 2) + 1);
  return s;
}

TEST_CASE("batch: the manifest round-trips and rejects what it does not know") {
  const fs::path dir = scratch("manifest");
  ManifestEntry a{.input = "a.txt",
                  .output = "a.json",
                  .source = "in/a.txt",
                  .sha256 = "aa",
                  .items = 2,
                  .metrics = 2,
                  .metric_lines =
                      "{\"kind\":\"count\",\"value\":3}\n{\"kind\":\"date\",\"text\":"
                      "\"5\u6708\"}\n"};
  ManifestEntry b{
      .input = "sub/b.txt", .output = "sub/b.json", .source = "in/sub/b.txt", .sha256 = "bb"};
  ManifestEntry c{.input = "c.txt",
                  .output = "c.json",
                  .source = "in/c.txt",
                  .sha256 = "cc",
                  .items = 1,
                  .metrics = 1,
                  .metric_lines = "{\"kind\":\"year\"}\n"};
  const std::string header = manifest_header(R"({"tool":"t","format":"json"})", "rh");
  const std::string text = header + manifest_entry(a) + manifest_entry(b) + manifest_entry(c);
  write(dir / "m.jsonl", text);
  const Manifest m = read_manifest((dir / "m.jsonl").string());
  CHECK(m.settings == R"({"tool":"t","format":"json"})");
  CHECK(m.rules == "rh");
  REQUIRE(m.entries.size() == 3);
  for (const ManifestEntry* want : {&a, &b, &c}) {
    CAPTURE(want->output);
    REQUIRE(m.entries.count(want->output) == 1);
    const ManifestEntry& got = m.entries.at(want->output);
    CHECK(got.input == want->input);
    CHECK(got.source == want->source);
    CHECK(got.sha256 == want->sha256);
    CHECK(got.items == want->items);
    CHECK(got.metrics == want->metrics);
    CHECK(got.metric_lines.empty());
    auto lines = read_metric_lines((dir / "m.jsonl").string(), got);
    REQUIRE(lines.ok());
    CHECK(lines.value() == want->metric_lines);  // byte for byte, never re-serialised
  }
  struct Row {
    std::string name;
    std::string text;
  };
  const Row bad[] = {
      {"empty", ""},
      {"not JSON", "not json\n"},
      {"another schema", "{\"schema\":\"other/1\",\"settings\":{},\"rules\":\"x\"}\n"},
      {"an entry without fields", header + "{\"input\":\"a.txt\"}\n"},
      {"fewer metric lines than counted", header + without_last_line(manifest_entry(a))},
      {"cut short before the last newline", text.substr(0, text.size() - 1)},
  };
  for (const Row& r : bad) {
    CAPTURE(r.name);
    write(dir / "bad.jsonl", r.text);
    const Manifest empty = read_manifest((dir / "bad.jsonl").string());
    CHECK(empty.entries.empty());
    CHECK(empty.rules.empty());
  }
  CHECK(read_manifest((dir / "missing.jsonl").string()).entries.empty());
}

TEST_CASE("batch: write_file_atomic leaves a whole file or none") {
  const fs::path dir = scratch("atomic");
  const fs::path target = dir / "out.json";
  REQUIRE(write_file_atomic(target.string(), "first").ok());
  REQUIRE(write_file_atomic(target.string(), "second").ok());
  CHECK(slurp(target) == "second");
  const Status s = write_file_atomic((dir / "no-such-dir" / "x.json").string(), "x");
  CHECK(s.code() == Status::Code::kIoError);
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  CHECK(names == std::vector<std::string>{"out.json"});
}

// Two good samples in a subdirectory layout, a binary file and a dangling link.
std::vector<InputFile> make_inputs(const fs::path& in) {
  const fs::path samples = fs::path(JB_SOURCE_DIR) / "samples";
  fs::create_directories(in);
  fs::copy_file(samples / "01_wrapped_pdf.txt", in / "01.txt");
  fs::create_directories(in / "sub");
  fs::copy_file(samples / "05_utf16le_bom.txt", in / "sub/05.txt");
  write(in / "sub/bin.txt", std::string("\x7f"
                                        "ELF\0\0\0binary",
                                        13));
  fs::create_symlink("missing", in / "gone.txt");
  auto files = find_inputs({in.string()}, "*.txt", "");
  REQUIRE(files.ok());
  REQUIRE(files.value().size() == 4);
  return files.value();
}

TEST_CASE("batch: run_batch converts the good, reports the bad, in order, whatever -j") {
  const fs::path root = scratch("run");
  const std::vector<InputFile> files = make_inputs(root / "in");
  std::map<int, std::map<std::string, std::string>> trees;
  for (int jobs : {1, 2, 4}) {
    CAPTURE(jobs);
    const fs::path out = root / ("out" + std::to_string(jobs));
    std::vector<std::string> reported;
    BatchOptions opt{.out_dir = out.string(), .jobs = jobs};
    opt.on_failure = [&](const InputFile& f, const Status& s) {
      reported.push_back(f.relative);
      CHECK(s.to_string().find(f.path) == 0);
    };
    auto summary = run_batch(files, rules(), opt);
    REQUIRE(summary.ok());
    const Summary& s = summary.value();
    CHECK(s.files == 4);
    CHECK(s.converted == 2);
    CHECK(s.failed == 2);
    CHECK(s.skipped == 0);
    CHECK_FALSE(s.cancelled);
    CHECK(reported == std::vector<std::string>{"gone.txt", "sub/bin.txt"});
    REQUIRE(s.failures.size() == 2);
    CHECK(s.failures[0].file == files[1].path);
    CHECK(fs::exists(out / "01.json"));
    CHECK(fs::exists(out / "sub/05.json"));
    CHECK_FALSE(fs::exists(out / "sub/bin.json"));
    CHECK_FALSE(fs::exists(out / "gone.json"));
    // metrics.jsonl: the two inputs' metrics, 01 before 05, one JSON object per line.
    const std::string metrics = slurp(out / kMetricsFile);
    CHECK(static_cast<long long>(std::count(metrics.begin(), metrics.end(), '\n')) == s.metrics);
    CHECK(s.metrics > 0);
    const auto first_05 = metrics.find("sub/05.txt");
    CHECK(first_05 != std::string::npos);
    CHECK(metrics.rfind("01.txt\"", first_05) != std::string::npos);
    CHECK(metrics.find("01.txt\"", first_05) == std::string::npos);
    const nlohmann::json summary_file = nlohmann::json::parse(slurp(out / kSummaryFile));
    CHECK(summary_file["failed"] == 2);
    CHECK(summary_file["metrics"] == s.metrics);
    trees[jobs] = tree(out);
  }
  CHECK(trees[1] == trees[2]);
  CHECK(trees[1] == trees[4]);
}

TEST_CASE("batch: a re-run skips what is unchanged and redoes what changed") {
  const fs::path root = scratch("rerun");
  const std::vector<InputFile> files = make_inputs(root / "in");
  const fs::path out = root / "out";
  BatchOptions opt{.out_dir = out.string(), .jobs = 2};
  auto run = [&](const BatchOptions& o) {
    auto s = run_batch(files, rules(), o);
    REQUIRE(s.ok());
    return s.value();
  };
  const Summary first = run(opt);
  const auto before = tree(out);
  struct Step {
    const char* name;
    std::function<void(BatchOptions*)> change;
    size_t converted;
    size_t skipped;
  };
  const Step steps[] = {
      {"nothing changed", [](BatchOptions*) {}, 0, 2},
      {"--force", [](BatchOptions* o) { o->force = true; }, 2, 0},
      {"other options", [](BatchOptions* o) { o->emit.explain = true; }, 2, 0},
      {"same options again", [](BatchOptions* o) { o->emit.explain = true; }, 0, 2},
      {"another tool version", [](BatchOptions* o) { o->tool_version = "9"; }, 2, 0},
      {"an edited input",
       [&](BatchOptions* o) {
         o->tool_version = "9";
         std::ofstream(root / "in/01.txt", std::ios::app) << "\n";
       },
       1, 1},
  };
  for (const Step& st : steps) {
    CAPTURE(st.name);
    BatchOptions o = opt;
    st.change(&o);
    const Summary s = run(o);
    CHECK(s.converted == st.converted);
    CHECK(s.skipped == st.skipped);
    CHECK(s.failed == 2);
    CHECK(s.metrics == first.metrics);
  }
  // Back to the first settings and bytes: the outputs are those of the first run.
  {
    std::string text = slurp(root / "in/01.txt");
    text.pop_back();
    write(root / "in/01.txt", text);
  }
  run(opt);
  CHECK(tree(out) == before);
  // An input that turns bad loses the output an earlier run made for it.
  write(root / "in/01.txt", std::string("\0\0\0\0", 4));
  const Summary bad = run(opt);
  CHECK(bad.failed == 3);
  CHECK_FALSE(fs::exists(out / "01.json"));
}

TEST_CASE("batch: --prune removes outputs of inputs gone; a format change replaces outputs") {
  const fs::path root = scratch("prune");
  const std::vector<InputFile> files = make_inputs(root / "in");
  const fs::path out = root / "out";
  auto run = [&](const std::vector<InputFile>& in, emit::Format format, bool prune) {
    REQUIRE(
        run_batch(in, rules(), {.out_dir = out.string(), .format = format, .prune = prune}).ok());
  };
  const std::vector<InputFile> first_only(files.begin(), files.begin() + 1);  // 01.txt
  struct Step {
    const char* name;
    const std::vector<InputFile>* inputs;
    emit::Format format;
    bool prune;
    std::vector<std::string> want;  // record files in OUTDIR afterwards
  };
  const Step steps[] = {
      {"all inputs", &files, emit::Format::kJson, false, {"01.json", "sub/05.json"}},
      {"one gone, no --prune", &first_only, emit::Format::kJson, false, {"01.json", "sub/05.json"}},
      {"all again", &files, emit::Format::kJson, false, {"01.json", "sub/05.json"}},
      {"one gone, --prune", &first_only, emit::Format::kJson, true, {"01.json"}},
      {"another format", &files, emit::Format::kJsonl, false, {"01.jsonl", "sub/05.jsonl"}},
      {"and back", &files, emit::Format::kYaml, false, {"01.yaml", "sub/05.yaml"}},
  };
  for (const Step& st : steps) {
    CAPTURE(st.name);
    run(*st.inputs, st.format, st.prune);
    std::vector<std::string> got;
    for (const auto& [name, bytes] : tree(out)) {
      if (name != kMetricsFile && name != kManifestFile) got.push_back(name);
    }
    CHECK(got == st.want);
  }
}

TEST_CASE("batch: a cancelled run starts nothing and keeps the manifest") {
  const fs::path root = scratch("cancel");
  const std::vector<InputFile> files = make_inputs(root / "in");
  const fs::path out = root / "out";
  std::atomic<bool> cancel{false};
  BatchOptions opt{.out_dir = out.string(), .jobs = 2, .cancel = &cancel};
  REQUIRE(run_batch(files, rules(), opt).ok());
  fs::remove(out / kMetricsFile);
  fs::remove(out / kSummaryFile);
  const std::string manifest = slurp(out / kManifestFile);
  cancel = true;
  opt.force = true;
  auto s = run_batch(files, rules(), opt);
  REQUIRE(s.ok());
  CHECK(s.value().cancelled);
  CHECK(s.value().converted + s.value().skipped + s.value().failed == 0);
  CHECK_FALSE(fs::exists(out / kMetricsFile));
  CHECK_FALSE(fs::exists(out / kSummaryFile));
  // The outputs of the first run are still there and current: the manifest keeps them.
  CHECK(slurp(out / kManifestFile) == manifest);
  opt.force = false;
  cancel = false;
  auto again = run_batch(files, rules(), opt);
  REQUIRE(again.ok());
  CHECK(again.value().skipped == 2);
  CHECK(again.value().converted == 0);
  CHECK(slurp(out / kManifestFile) == manifest);
}

TEST_CASE("batch: invalid options are refused") {
  const fs::path root = scratch("invalid");
  struct Row {
    const char* name;
    BatchOptions opt;
  };
  const Row rows[] = {
      {"csv", {.out_dir = (root / "o").string(), .format = emit::Format::kCsv}},
      {"no output directory", {.out_dir = ""}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    auto s = run_batch({}, rules(), r.opt);
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().code() == Status::Code::kInvalidArgument);
  }
}

}  // namespace
}  // namespace jianbao::batch
