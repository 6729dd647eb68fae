# CTest smoke tests of `jianbao check` (issue 6). Included from tests/cli/cli_tests.cmake, which
# sets JB and SEED. Exact exit codes (0, 1, 2) are checked by tests/check/check_cli_test.cpp;
# here a passing run, a failing run and the diagnostics' shape.
set(JB_CHECK_DATA "${CMAKE_SOURCE_DIR}/tests/data/check")
add_test(NAME cli_check_samples COMMAND ${JB} check ${CMAKE_SOURCE_DIR}/samples)
set_tests_properties(cli_check_samples PROPERTIES PASS_REGULAR_EXPRESSION "jianbao check: 0 error")
add_test(NAME cli_check_fault COMMAND ${JB} check ${JB_CHECK_DATA}/faults/percent_range.txt)
set_tests_properties(cli_check_fault PROPERTIES
  PASS_REGULAR_EXPRESSION "percent_range.txt:13:24: error: .* \\[percent-range\\]")
add_test(NAME cli_check_fault_exit COMMAND ${JB} check ${JB_CHECK_DATA}/faults/percent_range.txt)
set_tests_properties(cli_check_fault_exit PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli_check_series_gap COMMAND ${JB} check ${JB_CHECK_DATA}/series/gap)
set_tests_properties(cli_check_series_gap PROPERTIES
  PASS_REGULAR_EXPRESSION "2024_06.txt:1:1: error: .*issue 5 is missing \\[issue-skipped\\]")
add_test(NAME cli_check_github COMMAND ${JB} check --format github ${JB_CHECK_DATA}/faults/percent_range.txt)
set_tests_properties(cli_check_github PROPERTIES
  PASS_REGULAR_EXPRESSION "::error file=[^,]*percent_range.txt,line=13,col=24,title=percent-range::")
add_test(NAME cli_check_expect_typo
  COMMAND ${JB} check --expect ${JB_CHECK_DATA}/expect/typo.yaml ${JB_CHECK_DATA}/clean.txt)
set_tests_properties(cli_check_expect_typo PROPERTIES
  PASS_REGULAR_EXPRESSION "typo.yaml:3:1: unknown key 'min_itmes'")
if(EXISTS "${SEED}")
  add_test(NAME cli_check_seed COMMAND ${JB} check ${SEED})
  set_tests_properties(cli_check_seed PROPERTIES PASS_REGULAR_EXPRESSION "jianbao check: 0 error")
endif()
