// jianbao check as CI runs it: the binary, its output formats and its exit codes
// (0 no error, 1 an error, 2 usage or configuration).
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

namespace {

namespace fs = std::filesystem;

const std::string kSource = JB_SOURCE_DIR;
const std::string kData = kSource + "/tests/data/check";

struct Run {
  int exit_code = -1;
  std::string out;  // stdout and stderr
};

Run run(const std::string& args) {
  const std::string cmd = std::string("'") + JB_BINARY + "' " + args + " 2>&1";
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// A scratch directory inside the build tree, emptied first.
fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(JB_BINARY).parent_path() / "test_scratch" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST_CASE("check cli: exit codes and diagnostics") {
  struct Row {
    std::string args;
    int exit_code;
    std::string want;  // must appear in the output
  };
  const std::string faults = kData + "/faults/";
  const Row rows[] = {
      {faults + "percent_range.txt", 1,
       faults + "percent_range.txt:13:24: error: percentage 126% in '126%' is outside 0..100"},
      {faults + "date_invalid.txt", 1, "date_invalid.txt:13:6: error: '2月30日' is not a date"},
      {faults + "region_missing.txt", 1, "region_missing.txt:15:1: error: "},
      {faults + "item_no_body.txt", 1, "item_no_body.txt:13:1: error: "},
      {faults + "section_empty.txt", 1,
       "section_empty.txt:13:1: error: section '专项整治' has no items"},
      {faults + "duplicate_item.txt", 1, "duplicate_item.txt:19:1: error: "},
      // Warnings pass, unless --werror.
      {faults + "year_far.txt", 0, "year_far.txt:13:7: warning: year 2042"},
      {faults + "year_far.txt --werror", 1, "year_far.txt:13:7: error: year 2042"},
      {faults + "deadline_before_date.txt", 0, "deadline_before_date.txt:13:10: warning: "},
      // An expectations file can make a warning an error or turn a check off.
      {faults + "year_far.txt --expect " + kData + "/expect/met.yaml", 1,
       "year_far.txt:13:7: error: year 2042"},
      {faults + "deadline_before_date.txt --werror --expect " + kData + "/expect/quiet.yaml", 0,
       "0 error(s), 0 warning(s)"},
      {kData + "/clean.txt --expect " + kData + "/expect/met.yaml", 0, "0 error(s), 0 warning(s)"},
      {kData + "/clean.txt --expect " + kData + "/expect/unmet.yaml", 1, "[expect-section]"},
      {kData + "/series/gap", 1, "2024_06.txt:1:1: error: "},
      {kData + "/series/gap", 1, "issue 5 is missing [issue-skipped]"},
      {kData + "/series/repeat", 1, "[issue-repeated]"},
      {kData + "/series/backwards", 1, "[date-backwards]"},
      {kData + "/series/ok", 0, "in 3 bulletin(s)"},
      {kSource + "/samples", 0, "0 error(s)"},
      // Usage and configuration errors.
      {kData + "/clean.txt --expect " + kData + "/expect/typo.yaml", 2,
       kData + "/expect/typo.yaml:3:1: unknown key 'min_itmes'"},
      {kData + "/no_such_file.txt", 2, "no_such_file.txt: no such file or directory"},
      {kData + "/clean.txt --format xml", 2, "--format must be"},
      {"", 2, "nothing to check"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.args);
    const Run got = run("check " + r.args);
    CAPTURE(got.out);
    CHECK(got.exit_code == r.exit_code);
    CHECK(got.out.find(r.want) != std::string::npos);
  }
}

TEST_CASE("check cli: the seed passes") {
  const std::string seed = std::string(JB_SHARED_DIR) + "/seeds/000_06335a08d50280b6.txt";
  if (!fs::exists(seed)) {
    MESSAGE("shared/ is absent: skipped");
    return;
  }
  const Run got = run("check '" + seed + "'");
  CAPTURE(got.out);
  CHECK(got.exit_code == 0);
}

TEST_CASE("check cli: --format github and --format json") {
  const std::string file = kData + "/faults/percent_range.txt";
  const Run gh = run("check --format github " + file);
  CAPTURE(gh.out);
  CHECK(gh.exit_code == 1);
  CHECK(gh.out.find("::error file=" + file +
                    ",line=13,col=24,title=percent-range::percentage 126%25") != std::string::npos);
  const Run typo = run("check --format github --expect " + kData + "/expect/typo.yaml " + file);
  CHECK(typo.exit_code == 2);
  CHECK(typo.out.find("::error file=" + kData + "/expect/typo.yaml,line=3,col=1,") !=
        std::string::npos);

  // Issues 5 and 6 of the faults' publication: no series finding between them.
  const Run js = run("check --format json " + file + " " + kData + "/faults/region_missing.txt");
  CAPTURE(js.out);
  CHECK(js.exit_code == 1);
  std::vector<nlohmann::json> lines;
  size_t start = 0;
  while (start < js.out.size()) {
    size_t end = js.out.find('\n', start);
    if (end == std::string::npos) end = js.out.size();
    const std::string line = js.out.substr(start, end - start);
    start = end + 1;
    if (line.rfind("jianbao check: ", 0) == 0) continue;  // the summary, on stderr
    lines.push_back(nlohmann::json::parse(line));
  }
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["check_id"] == "percent-range");
  CHECK(lines[0]["line"] == 13);
  CHECK(lines[0]["column"] == 24);
  CHECK(lines[0]["severity"] == "error");
  CHECK(lines[1]["check_id"] == "region-missing");
  CHECK(lines[1]["line"] == 15);
}

TEST_CASE("check cli: --records catches a record the parser no longer gives") {
  const fs::path dir = scratch("check_records");
  const std::string bulletin = kData + "/clean.txt";
  const std::string rec = (dir / "clean.json").string();
  REQUIRE(run("parse -f json -o '" + rec + "' '" + bulletin + "'").exit_code == 0);
  REQUIRE(run("parse -f jsonl -o '" + (dir / "clean.jsonl").string() + "' '" + bulletin + "'")
              .exit_code == 0);
  const Run fresh = run("check --records '" + dir.string() + "'");
  CAPTURE(fresh.out);
  CHECK(fresh.exit_code == 0);
  CHECK(fresh.out.find("2 record file(s)") != std::string::npos);

  // Edit the record as an older rule set might have written it.
  std::string text;
  {
    std::ifstream in(rec);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const size_t at = text.find("\"3起\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, std::string("\"3起\"").size(), "\"3件\"");
  std::ofstream(rec, std::ios::trunc) << text;
  const Run stale = run("check --records '" + rec + "'");
  CAPTURE(stale.out);
  CHECK(stale.exit_code == 1);
  CHECK(stale.out.find("[record-mismatch]") != std::string::npos);
  CHECK(stale.out.find("\"3件\"") != std::string::npos);
}

}  // namespace
