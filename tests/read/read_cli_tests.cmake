# The PDF and DOCX readers from the command line (issue 14): every command takes a file by its
# content, whatever its name; the same bulletin as PDF and as its extracted text parses the same.
set(JB_READ_DATA "${CMAKE_SOURCE_DIR}/tests/data/read")
set(JB_REAL "${CMAKE_SOURCE_DIR}/../shared/real")
add_test(NAME cli_read_legacy_doc COMMAND ${JB} parse ${JB_READ_DATA}/legacy.doc)
set_tests_properties(cli_read_legacy_doc PROPERTIES
  PASS_REGULAR_EXPRESSION "legacy.doc: .*soffice --headless --convert-to docx")
add_test(NAME cli_read_legacy_doc_exit COMMAND ${JB} parse ${JB_READ_DATA}/legacy.doc)
set_tests_properties(cli_read_legacy_doc_exit PROPERTIES WILL_FAIL TRUE)
if(JB_HAVE_PDF)
  add_test(NAME cli_read_pdf COMMAND ${JB} parse -f jsonl ${JB_READ_DATA}/bulletin.pdf)
  set_tests_properties(cli_read_pdf PROPERTIES
    PASS_REGULAR_EXPRESSION "\"reader\":\"pdf\",\"pages\":3.*\"page\":2")
  add_test(NAME cli_read_extract_pdf COMMAND ${JB} extract -f jsonl ${JB_READ_DATA}/bulletin.pdf)
  set_tests_properties(cli_read_extract_pdf PROPERTIES
    PASS_REGULAR_EXPRESSION "\"kind\":\"percentage\".*\"page\":1,\"x\":[0-9.]+,\"y\":[0-9.]+")
  # The real documents: the PDF read by poppler and the text pdftotext made of it, the same.
  foreach(doc 01_shandong_anwei_xiaofang_jinji_tongzhi 02_taian_aiqinhai_zhuanfa_tongzhi)
    if(EXISTS "${JB_REAL}/${doc}.pdf")
      add_test(NAME cli_read_same_${doc}
               COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/read/same_structure.py ${JB}
                       ${JB_REAL}/${doc}.pdftotext.txt ${JB_REAL}/${doc}.pdf)
    endif()
  endforeach()
  add_test(NAME cli_read_stream_pdf COMMAND sh -c
           "printf '{\"id\":1,\"path\":\"%s\"}\\n' \"$1\" | \"$0\" parse --stream"
           ${JB} ${JB_READ_DATA}/bulletin.pdf)
  set_tests_properties(cli_read_stream_pdf PROPERTIES PASS_REGULAR_EXPRESSION "\"reader\":\"pdf\"")
else()
  add_test(NAME cli_read_pdf_missing COMMAND ${JB} parse ${JB_READ_DATA}/bulletin.pdf)
  set_tests_properties(cli_read_pdf_missing PROPERTIES
    PASS_REGULAR_EXPRESSION "built without PDF support")
endif()
if(JB_HAVE_DOCX)
  add_test(NAME cli_read_docx COMMAND ${JB} parse -f jsonl ${JB_READ_DATA}/bulletin.docx)
  set_tests_properties(cli_read_docx PROPERTIES
    PASS_REGULAR_EXPRESSION "\"reader\":\"docx\".*\"paragraph_indexes\":\\[[0-9]+,[0-9]+\\].*\"paragraph\":[0-9]+")
  # By content, not by name: a DOCX named .txt is still a DOCX.
  add_test(NAME cli_read_docx_by_content COMMAND sh -c "cp \"$1\" \"$2\" && \"$0\" parse -f jsonl \"$2\""
           ${JB} ${JB_READ_DATA}/bulletin.docx ${CMAKE_BINARY_DIR}/docx_named.txt)
  set_tests_properties(cli_read_docx_by_content PROPERTIES PASS_REGULAR_EXPRESSION "\"reader\":\"docx\"")
  # check reads a DOCX too: its findings name lines of the DOCX's text.
  add_test(NAME cli_read_check_docx COMMAND ${JB} check ${JB_READ_DATA}/bulletin.docx)
  set_tests_properties(cli_read_check_docx PROPERTIES
    PASS_REGULAR_EXPRESSION "in 1 bulletin" FAIL_REGULAR_EXPRESSION "NUL byte|not a text")
endif()
# The corpus's own files (tests/corpus/<family>/<case>/<case>.pdf and .docx) against their
# tool-independent gold, with floors just under today's figures (PDF and DOCX together; see the
# README section "Reading PDF and Word files" for each).
if(JB_HAVE_PDF AND JB_HAVE_DOCX AND EXISTS "${CMAKE_SOURCE_DIR}/tests/corpus/score.py")
  add_test(NAME corpus_score_files
           COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/corpus/score.py --jianbao ${JB}
                   --corpus ${CMAKE_SOURCE_DIR}/tests/corpus --variant pdf --variant docx -n 3
                   --floor titles=99.9 --floor item_kind=99.9 --floor sections=99.9 --floor points=99.9
                   --floor masthead=99.9 --floor distribution=99.9 --floor colophon=99.9
                   --floor removed=99.9 --floor removed_kind=99.9 --floor metrics_recall=99.9
                   --floor metrics_precision=99.9 --floor provinces=99.9 --floor genre=99.9
                   --floor document=99.9 --floor series=99.9)
  set_tests_properties(corpus_score_files PROPERTIES TIMEOUT 300)
endif()
# Hostile PDF and DOCX files (issue 14): zip bombs, entity tricks, malformed PDFs: exit 2 and a
# clear error naming the file, or (two PDFs poppler repairs) a parse; never a crash or hang.
add_test(NAME cli_read_hostile COMMAND bash ${CMAKE_SOURCE_DIR}/tests/read/hostile_test.sh ${JB}
                                       ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/read_hostile_work)
set_tests_properties(cli_read_hostile PROPERTIES TIMEOUT 300)
# Start-up (issue 17): the readers are a module (lib/read/reader_table.h) loaded at the first PDF
# or DOCX, so a text parse loads none of their libraries; a program without its module says so.
if(JB_HAVE_PDF OR JB_HAVE_DOCX)
  add_test(NAME cli_read_text_loads_no_reader
           COMMAND sh -c "LD_DEBUG=files \"$0\" parse -f jsonl \"$1\" 2>&1 >/dev/null | grep -E 'file=(libpoppler|libzip|libpugixml|jianbao-readers)'"
                   ${JB} ${CMAKE_SOURCE_DIR}/tests/data/read/bulletin.pdftotext.txt)
  set_tests_properties(cli_read_text_loads_no_reader PROPERTIES WILL_FAIL TRUE)
  if(JB_HAVE_PDF)
    set(JB_MODULE_TEST_DOC ${JB_READ_DATA}/bulletin.pdf)
  else()
    set(JB_MODULE_TEST_DOC ${JB_READ_DATA}/bulletin.docx)
  endif()
  add_test(NAME cli_read_module_missing
           COMMAND sh -c "rm -rf \"$2\" && mkdir -p \"$2\" && cp \"$0\" \"$2/\" && \"$2/jianbao\" parse \"$1\""
                   ${JB} ${JB_MODULE_TEST_DOC} ${CMAKE_BINARY_DIR}/read_module_missing)
  set_tests_properties(cli_read_module_missing PROPERTIES
    PASS_REGULAR_EXPRESSION "cannot read a (PDF|DOCX): the reader module jianbao-readers.so is not installed")
  add_test(NAME cli_read_module_missing_exit
           COMMAND sh -c "rm -rf \"$2\" && mkdir -p \"$2\" && cp \"$0\" \"$2/\" && \"$2/jianbao\" parse \"$1\""
                   ${JB} ${JB_MODULE_TEST_DOC} ${CMAKE_BINARY_DIR}/read_module_missing_exit)
  set_tests_properties(cli_read_module_missing_exit PROPERTIES WILL_FAIL TRUE)
endif()
