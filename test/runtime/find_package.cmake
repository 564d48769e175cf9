# ctest's aio_find_package: aio as another project's dependency, the way
# docs/aio.md says. Installs aio (cmake --install, component aio) into a
# scratch prefix, then configures, builds and runs find_package/ against it
# (find_package(aio 0.1), aio::aio), with nothing from the source tree.
# Also: the CMakeLists.txt it builds is the one docs/aio.md shows, and a
# version the package does not provide is refused.
#   cmake -DBUILD_DIR= -DWORK_DIR= -DCONSUMER= -DDOC= -DSOURCE_INCLUDE=
#         -DGENERATOR= -DCXX= -P find_package.cmake
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

file(READ ${CONSUMER}/CMakeLists.txt consumer)
file(READ ${DOC} doc)
string(FIND "${doc}" "${consumer}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${DOC} does not show ${CONSUMER}/CMakeLists.txt as it is")
endif()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --component aio)
set(configure -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)
run(${CMAKE_COMMAND} -S ${CONSUMER} -B ${WORK_DIR}/build ${configure})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/hello_aio)
if(NOT out STREQUAL "hello from an installed aio: 42\n")
  message(FATAL_ERROR "hello_aio printed: ${out}")
endif()
file(READ ${WORK_DIR}/build/compile_commands.json commands)
string(FIND "${commands}" "${SOURCE_INCLUDE}" at)
if(NOT at EQUAL -1)
  message(FATAL_ERROR "the consumer was compiled against ${SOURCE_INCLUDE}, not the installed headers")
endif()

# A version aio is not: refused (by aioConfigVersion.cmake).
file(WRITE ${WORK_DIR}/v99/CMakeLists.txt
  "cmake_minimum_required(VERSION 3.20)\nproject(v99 CXX)\nfind_package(aio 99 REQUIRED)\n")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${WORK_DIR}/v99 -B ${WORK_DIR}/v99/build ${configure}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(rc EQUAL 0 OR NOT out MATCHES "aioConfig.cmake, version: [0-9]")
  message(FATAL_ERROR "find_package(aio 99) was not refused by its version file:\n${out}")
endif()
message(STATUS "aio_find_package: installed, found, built and ran; version 99 refused")
