# loopscope_set_warnings(target): the project's warning set, as errors when asked.
function(loopscope_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 misreads Asio's recycling allocator for coroutine frames (aligned_alloc, then the frame's
    # own operator delete) as a mismatch at -O2: a false positive in code that is not ours.
    target_compile_options(${target} PRIVATE -Wno-mismatched-new-delete)
  endif()
  if(LOOPSCOPE_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
