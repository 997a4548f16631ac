#pragma once

// The typing module's names (List, Optional, Union, Callable, Literal …) and the builtin generic
// aliases (list[int], dict[str, int]): objects with CPython 3.11's reprs, subscripted as typing
// subscripts them (Optional[X] is Union[X, None], unions flattened and deduplicated, None shown as
// NoneType, a string as ForwardRef('X')), equal as CPython's are. Nothing checks types with them:
// isinstance(), calling one or reading its attributes is refused as unsupported.
#include "value.hpp"

#include <string_view>

namespace loopscope::engine {

struct typing_form : object {
    enum class kind : std::uint8_t {
        generic,        // List, Dict, Tuple, Callable …: `typing.List`, and subscripted `typing.List[int]`
        union_,         // Union[...] (Optional[X] too); unsubscripted: the special form `typing.Union`
        optional,       // the special form `typing.Optional` (subscripting makes a union_)
        literal,        // Literal[...]
        wrapper,        // ClassVar[T], Final[T]
        plain,          // Any, NoReturn: not subscriptable
        builtin_alias,  // list[int]: types.GenericAlias
        forward_ref,    // List["Foo"]: ForwardRef('Foo')
        none_type,      // None as a type argument: NoneType
    };
    kind what = kind::plain;
    std::string name;          // "List"; builtin_alias: "list"; forward_ref: the string
    int arity = 0;             // generic: its parameters (-1: any number, as Tuple)
    bool subscripted = false;
    std::vector<value> args;   // Callable: the parameter list (a list value, or ...) then the result
    int depth = 0;             // forms nested in it, itself included: bounds the recursion of its repr and equality
    std::string repr_text() const override;
};

// typing.X when the engine models it
bool typing_has(std::string_view name);
value typing_member(std::string_view name);  // unbound when the engine has no such name
// type(form).__name__: typing's own class names (_GenericAlias, _SpecialForm …)
std::string typing_type_name(const typing_form& f);

} // namespace loopscope::engine
