# jianbao trend and diff over the composed monthly series (issue 16), the HTML report in headless
# Chromium, and the Dask cluster run.
add_test(NAME trend_series
         COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/trend/trend_test.py ${JB} ${CMAKE_SOURCE_DIR}
                 ${CMAKE_BINARY_DIR}/trend_test_work)
add_test(NAME trend_html_chromium
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/trend/chromium_test.sh ${JB} ${CMAKE_SOURCE_DIR}
                 ${CMAKE_BINARY_DIR}/trend_chromium_work)
# 77: Chromium is not installed (scripts/test.sh installs it and sets JB_REQUIRE_CHROMIUM=1).
set_tests_properties(trend_html_chromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
add_test(NAME dask_parse
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/trend/dask_test.sh ${JB} ${CMAKE_SOURCE_DIR}
                 ${CMAKE_BINARY_DIR}/dask_test_work)
set_tests_properties(dask_parse PROPERTIES TIMEOUT 180)
# The corpus' series family (tests/corpus/series, rendered by real tools): floors just under
# today's figures (series found with every value right : consecutive pairs diffed exactly), over
# the cleanest variant and pdftotext's (docx2txt and pandoc: 11:1 and 11:2 today).
add_test(NAME trend_corpus_series
         COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/trend/corpus_series_test.py ${JB}
                 ${CMAKE_SOURCE_DIR} lotxt=11:6 pdftotext=8:0)
set_tests_properties(trend_corpus_series PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180)
