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
# The corpus' series family (tests/corpus/series, rendered by real tools): series found with every
# value right : consecutive pairs diffed exactly. Word's own export, docx2txt, the DOCX reader and
# the PDF reader (which knows where a title ends and its paragraph starts) find all 16 series and
# all 11 diffs; pdftotext text loses titles that wrap into the first body line (issue 11), so 10
# series and no exact diff yet: floors at today's figures.
add_test(NAME trend_corpus_series
         COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/trend/corpus_series_test.py ${JB}
                 ${CMAKE_SOURCE_DIR} lotxt=16:11 docx2txt=16:11 docx=16:11 pdftotext=10:0 pdf=16:11)
set_tests_properties(trend_corpus_series PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180)
