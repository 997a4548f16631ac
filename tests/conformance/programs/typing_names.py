# typing's names as a learner imports them: reprs of List, Optional, Union, Callable, Literal,
# the builtin generic aliases (list[int]), equality, and CPython's errors for a wrong subscript.
import typing
from typing import List, Dict, Optional, Union, Any, Tuple, Callable, Literal, Set, Iterable, Awaitable, Coroutine, Type, ClassVar, Final
class Foo: pass
def f(): pass
print(List, Dict, Optional, Union, Any, Tuple, Callable, Literal)
print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None, str], Optional[Union[int, str]])
print(Union[int], Union[int, int], Tuple[int, ...], Tuple[int, str], Callable[[int, str], bool], Callable[..., None])
print(Literal["a", 1], List[Foo], List["Foo"], List[None], Set[float], Type[Foo], ClassVar[int], Final[int])
print(list[int], dict[str, list[int]], tuple[int, ...], type[Foo], list[None], list["x"], list[3])
print(Iterable[str], Awaitable[int], Coroutine[Any, Any, int], List[f], List[ValueError])
print(List[int] == List[int], List[int] == List[str], Optional[int] == Union[None, int], list[int] == list[int])
try:
    List[int, str]
except TypeError as e:
    print('List[int, str]', "->", e)
try:
    Dict[int]
except TypeError as e:
    print('Dict[int]', "->", e)
try:
    Optional[int, str]
except TypeError as e:
    print('Optional[int, str]', "->", e)
try:
    int[str]
except TypeError as e:
    print('int[str]', "->", e)
try:
    Any[int]
except TypeError as e:
    print('Any[int]', "->", e)
print(typing.TYPE_CHECKING)
