# Including across a forbidden layer boundary fails to compile: for each layer, one of its real
# compile commands (compile_commands.json: its flags, its include roots and those of what it
# links) is run on a file holding only the forbidden include, and the compiler must answer that
# the header does not exist. Any other outcome (compiled, or failed for another reason) fails.
# The same command must compile a header the layer may include, so a probe that finds nothing
# (a command that lost its include roots) cannot pass for a boundary.
#   cmake -DBUILD_DIR=<build> -DSOURCE_DIR=<source> -P layering.cmake

file(READ ${BUILD_DIR}/compile_commands.json commands)
string(JSON count LENGTH "${commands}")
math(EXPR last "${count} - 1")

# a file whose compile command stands for its layer | a header it may include | the includes that
# layer must not reach
set(rules
    "core/phonenumber.cpp|core/result.h|server/db/database.h,server/http/request.h,ui/api/apiclient.h,sandbox/sandbox.h"
    "server/http/request.cpp|server/http/response.h|server/db/database.h,server/services/booking.h,ui/api/apiclient.h,sandbox/sandbox.h"
    "server/services/booking.cpp|server/db/database.h|ui/api/apiclient.h,sandbox/sandbox.h,app/console/embeddedserver.h"
    "sandbox/sandbox.cpp|server/http/request.h|server/db/database.h,server/providers/providerhttp.h,ui/api/apiclient.h"
    "ui/api/apiclient.cpp|core/result.h|server/db/database.h,server/http/request.h,sandbox/sandbox.h")

set(failures "")
set(probe ${BUILD_DIR}/layering-probe.cpp)
foreach(rule IN LISTS rules)
    string(REPLACE "|" ";" parts "${rule}")
    list(GET parts 0 sample)
    list(GET parts 1 allowed)
    list(GET parts 2 forbidden)
    string(REPLACE "," ";" forbidden "${forbidden}")
    set(command "")
    foreach(i RANGE ${last})
        string(JSON file GET "${commands}" ${i} file)
        if(file STREQUAL "${SOURCE_DIR}/${sample}")
            string(JSON command GET "${commands}" ${i} command)
            string(JSON directory GET "${commands}" ${i} directory)
            break()
        endif()
    endforeach()
    if(command STREQUAL "")
        string(APPEND failures "no compile command for ${sample}\n")
        continue()
    endif()
    # Compile the probe instead of the sample, checking syntax only, with no output file.
    separate_arguments(args UNIX_COMMAND "${command}")
    list(FILTER args EXCLUDE REGEX "^${SOURCE_DIR}/${sample}$")
    list(FIND args "-o" at)
    if(at GREATER_EQUAL 0)
        list(REMOVE_AT args ${at} ${at})
    endif()
    list(FILTER args EXCLUDE REGEX "^-c$")
    list(FILTER args EXCLUDE REGEX "^-M")
    list(FILTER args EXCLUDE REGEX "\\.o$|\\.d$")
    file(WRITE ${probe} "#include \"${allowed}\"\n")
    execute_process(COMMAND ${args} -fsyntax-only ${probe}
                    WORKING_DIRECTORY ${directory}
                    RESULT_VARIABLE result ERROR_VARIABLE said OUTPUT_VARIABLE said)
    if(NOT result EQUAL 0)
        string(APPEND failures "${sample}'s command cannot include ${allowed} either:\n${said}\n")
        continue()
    endif()
    foreach(header IN LISTS forbidden)
        file(WRITE ${probe} "#include \"${header}\"\n")
        execute_process(COMMAND ${args} -fsyntax-only ${probe}
                        WORKING_DIRECTORY ${directory}
                        RESULT_VARIABLE result ERROR_VARIABLE said OUTPUT_VARIABLE said)
        string(FIND "${said}" "${header}: No such file or directory" missing)
        if(result EQUAL 0 OR missing EQUAL -1)
            string(APPEND failures "${sample} could include ${header}\n")
        endif()
    endforeach()
endforeach()
file(REMOVE ${probe})
if(failures)
    message(FATAL_ERROR "Includes cross a layer boundary:\n${failures}")
endif()
message(STATUS "Every layer is refused the headers it must not see.")
