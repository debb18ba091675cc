# Fails when a C++ file under the source tree is not formatted by the committed .clang-format.
file(GLOB_RECURSE files ${SOURCE_DIR}/core/*.cpp ${SOURCE_DIR}/core/*.h ${SOURCE_DIR}/server/*.cpp
     ${SOURCE_DIR}/server/*.h ${SOURCE_DIR}/sandbox/*.cpp ${SOURCE_DIR}/sandbox/*.h
     ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h ${SOURCE_DIR}/app/*.cpp
     ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${files}
                RESULT_VARIABLE result ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "Not clang-format clean (run clang-format -i on these):\n${output}")
endif()
