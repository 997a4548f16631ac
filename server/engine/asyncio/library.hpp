#pragma once

#include "code.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::engine {

// asyncio's library written in Python (server/engine/asyncio/library/*.py): its synchronisation primitives
// and queues, as CPython writes them in Python on top of futures. Each module is compiled once for the
// process (code shared by every run, never changed); a run executes a module's body the first time
// the program names one of its classes, into a namespace of its own (runtime::library_namespace).
struct library_module {
    std::string name;       // "asyncio.locks": its classes' __module__
    std::string file;       // CPython's file, as tracebacks name it
    std::string_view source;
    std::shared_ptr<code_object> code;
    // Where each line of `source` is in CPython (a `#@ N` or `#@ FILE:N` mark): the file, the line and
    // its text as a traceback shows it (stripped, without the mark). An unmarked line has no file.
    struct place {
        std::string file;
        std::int32_t line = 0;
        std::string text;
        std::int32_t indent = 0;  // the columns stripped from this source's line
        bool c_code = false;      // `#@ C` on a def line: the function stands for C code, no frame shown
    };
    std::vector<place> places;  // by line of `source`, 1-based (places[0] unused)
    std::vector<std::string> exported;  // the classes `asyncio.X` gives from it
};

// Where CPython has line `line` of the module's source: its file and line where the line is marked,
// else the module's file and line 0 (for reprs that name a place: `defined at …/tasks.py:426`)
std::pair<std::string, std::int32_t> cpython_place(const library_module& module, std::int32_t line);

// The module that gives asyncio.`name`, or null (compiles the library the first time)
const library_module* library_for_asyncio_name(std::string_view name);
// Whether the library gives asyncio.`name`: read from its sources' text, without compiling them (the
// parser and compiler ask, also while the library itself is being compiled)
bool library_exports(std::string_view name);
// The library's modules that are not asyncio's (logging): whether there is one, whether it gives
// `name` (both read from the sources' text), and the module (compiled the first time)
bool library_has_module(std::string_view module);
bool library_module_exports(std::string_view module, std::string_view name);
bool library_modules_export(std::string_view name);  // any of them
const library_module* library_top_module(std::string_view module);
// Every library module (for the tests of their marked lines)
const std::vector<library_module>& library_modules();
// A method or attribute name the library's classes define (the up-front name check lets it pass)
bool library_defines_attribute(std::string_view name);

} // namespace loopscope::engine
