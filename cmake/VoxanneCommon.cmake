# Shared build settings: every target links voxanne_common, so the standard, the warnings and the
# strict Qt defines are decided here once.

if(NOT CMAKE_CXX_COMPILER_LAUNCHER)
    find_program(VOXANNE_CCACHE ccache)
    if(VOXANNE_CCACHE)
        set(CMAKE_CXX_COMPILER_LAUNCHER "${VOXANNE_CCACHE}" CACHE STRING "Compiler launcher" FORCE)
    endif()
endif()

option(VOXANNE_WARNINGS_AS_ERRORS "Treat compiler warnings as errors (CI turns this on)" OFF)
option(VOXANNE_SANITIZE "Build with address and undefined-behaviour sanitizers" OFF)

set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

add_library(voxanne_common INTERFACE)
target_compile_features(voxanne_common INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(voxanne_common INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wformat=2 -Wimplicit-fallthrough -Wold-style-cast)
if(VOXANNE_WARNINGS_AS_ERRORS)
    target_compile_options(voxanne_common INTERFACE -Werror)
endif()
target_compile_definitions(voxanne_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    # Release builds keep no qDebug() output (as qBittorrent's do): our own log has levels, and a
    # stray qDebug of a request must not reach a clinic's log.
    $<$<NOT:$<CONFIG:Debug>>:QT_NO_DEBUG_OUTPUT>)
if(VOXANNE_FUZZ)
    # Coverage for libFuzzer in every library; the fuzz targets alone link its main. Any finding
    # of the sanitizers stops the run, so it is a crash with a reproducer, not a line in a log.
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "VOXANNE_FUZZ needs clang++ (libFuzzer), not ${CMAKE_CXX_COMPILER_ID}: "
                            "use the fuzz preset (cmake --preset fuzz).")
    endif()
    target_compile_options(voxanne_common INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
        -fno-omit-frame-pointer)
    target_link_options(voxanne_common INTERFACE -fsanitize=address,undefined)
endif()
if(VOXANNE_SANITIZE)
    target_compile_options(voxanne_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(voxanne_common INTERFACE -fsanitize=address,undefined)
endif()

# Each library sees the source tree only through its own include root and those of what it links:
# <build>/include-roots/<target>/ holds one symbolic link per folder the target exposes ("core",
# "server/http"), so `#include "server/db/database.h"` in the console or the HTTP library fails
# to compile instead of leaning on a link check.
function(voxanne_include_root target)
    set(_root ${PROJECT_BINARY_DIR}/include-roots/${target})
    foreach(_folder IN LISTS ARGN)
        get_filename_component(_parent ${_root}/${_folder} DIRECTORY)
        file(MAKE_DIRECTORY ${_parent})
        if(NOT IS_SYMLINK ${_root}/${_folder})
            file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${_folder} ${_root}/${_folder} SYMBOLIC)
        endif()
    endforeach()
    target_include_directories(${target} PUBLIC ${_root})
endfunction()

# Fails the configure step when a target links a library it must not see, directly or through
# one of our libraries it links (the server binary must not get the sandbox by way of
# voxanne_server). `core` stays free of Widgets, SQL and HTTP (the rule Mudlet spent years
# restoring); `ui` never reaches the server's internals or the database.
function(voxanne_forbid_links target)
    set(_seen "")
    set(_queue ${target})
    while(_queue)
        list(POP_FRONT _queue _current)
        get_target_property(_links ${_current} LINK_LIBRARIES)
        get_target_property(_ilinks ${_current} INTERFACE_LINK_LIBRARIES)
        foreach(_lib IN LISTS _links _ilinks)
            # A static library's private links reach its users as $<LINK_ONLY:name>.
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" _lib "${_lib}")
            if(NOT _lib OR _lib IN_LIST _seen)
                continue()
            endif()
            list(APPEND _seen ${_lib})
            foreach(_forbidden IN LISTS ARGN)
                if(_lib MATCHES "${_forbidden}")
                    message(FATAL_ERROR "${target} must not link ${_lib} (linked by ${_current}): "
                                        "see docs/architecture notes in cmake/VoxanneCommon.cmake "
                                        "(dependencies point one way).")
                endif()
            endforeach()
            # Our own libraries are followed; imported ones (Qt, pkg-config) are judged by name.
            if(TARGET ${_lib})
                get_target_property(_imported ${_lib} IMPORTED)
                if(NOT _imported)
                    list(APPEND _queue ${_lib})
                endif()
            endif()
        endforeach()
    endwhile()
endfunction()
