#@module logging /usr/lib/python3.11/logging/__init__.py
# The logging module, written for loopscope after the semantics of CPython 3.11's
# Lib/logging/__init__.py: the same loggers, levels, records, formatters, handlers and basicConfig(),
# the same text on the same stream. A line that a traceback can show ends with `#@ N`, N its line in
# CPython's file, its text this line's (tests/engine/library_lines_test.py checks them against python3).
# What the engine cannot give as CPython gives it is refused where it is reached: a format showing a
# record's process, thread or relativeCreated (they differ every run), a stack_info, '$' formats, files.
# The engine's helpers, which only the library sees: _calendar_text(format, seconds) (time.strftime
# of time.localtime in the run's calendar, UTC), _logging_caller(stacklevel) (the program's frame a
# record names: its file, line and function), _handled_exception() (what sys.exc_info() would give),
# _exception_text(exc, with_traceback) (traceback.print_exception's text), _thread_name(),
# _unsupported(what).

__all__ = ('BASIC_FORMAT', 'CRITICAL', 'DEBUG', 'ERROR', 'FATAL', 'INFO', 'NOTSET', 'WARN', 'WARNING',
           'Filter', 'Filterer', 'Formatter', 'Handler', 'LogRecord', 'Logger', 'LoggerAdapter', 'Manager',
           'NullHandler', 'PercentStyle', 'PlaceHolder', 'RootLogger', 'StrFormatStyle', 'StreamHandler',
           'addLevelName', 'basicConfig', 'critical', 'debug', 'disable', 'error', 'exception', 'fatal',
           'getLevelName', 'getLevelNamesMapping', 'getLogger', 'getLoggerClass', 'info', 'lastResort', 'log',
           'makeLogRecord', 'raiseExceptions', 'root', 'warning')

import sys
import time

raiseExceptions = True

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_levelToName = {
    CRITICAL: 'CRITICAL',
    ERROR: 'ERROR',
    WARNING: 'WARNING',
    INFO: 'INFO',
    DEBUG: 'DEBUG',
    NOTSET: 'NOTSET',
}
_nameToLevel = {
    'CRITICAL': CRITICAL,
    'FATAL': FATAL,
    'ERROR': ERROR,
    'WARN': WARNING,
    'WARNING': WARNING,
    'INFO': INFO,
    'DEBUG': DEBUG,
    'NOTSET': NOTSET,
}


def getLevelNamesMapping():
    return _nameToLevel.copy()


def getLevelName(level):  #@ 123
    result = _levelToName.get(level)  #@ 142
    if result is not None:
        return result
    result = _nameToLevel.get(level)  #@ 145
    if result is not None:
        return result
    return "Level %s" % level  #@ 148


def addLevelName(level, levelName):
    _levelToName[level] = levelName
    _nameToLevel[levelName] = level


def _checkLevel(level):  #@ 202
    if isinstance(level, int):
        rv = level
    elif str(level) == level:
        if level not in _nameToLevel:
            raise ValueError("Unknown level: %r" % level)  #@ 207
        rv = _nameToLevel[level]
    else:
        raise TypeError("Level not an integer or a valid string: %r"  #@ 210
                        % (level,))
    return rv


# sys._getframe(1) in CPython: a frame of its own on the way to the caller's (where Python's recursion
# limit may be met)
currentframe = lambda: None


_startTime = time.time()
_thread_idents = {}


# What e.__traceback__ is to a record (the engine has no traceback objects): the text
# traceback.print_exception writes of the exception as it is when the record is made, which later
# raises of it do not change, as they do not change CPython's traceback object
class traceback(object):

    def __init__(self, text):
        self._text = text

    def __repr__(self):
        return '<traceback object at %#x>' % id(self)


def _traceback_now(exc):
    return traceback(_exception_text(exc, True))


# The record's attributes CPython fills from the process, which differ from run to run
_refused_fields = ('process', 'thread', 'relativeCreated')


class LogRecord(object):

    def __init__(self, name, level, pathname, lineno,
                 msg, args, exc_info, func=None, sinfo=None, **kwargs):
        ct = time.time()
        self.name = name
        self.msg = msg
        # A dict as the sole argument is the mapping of '%(key)s' formats
        if (args and len(args) == 1 and isinstance(args[0], dict)
                and args[0]):
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        if isinstance(pathname, str):
            self.filename = pathname[pathname.rfind('/') + 1:]
            dot = self.filename.rfind('.')
            self.module = self.filename[:dot] if dot > 0 else self.filename
        else:
            self.filename = pathname
            self.module = "Unknown module"
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = ct
        self.msecs = int((ct - int(ct)) * 1000) + 0.0
        # CPython's relativeCreated, thread and process are the process's (milliseconds since logging
        # was imported, threading.get_ident(), os.getpid()): they differ every run. The engine's are
        # fixed (program time; a number per thread; one pid), and a format that shows them is refused.
        self.relativeCreated = (self.created - _startTime) * 1000
        self.threadName = _thread_name()
        self.thread = _thread_idents.setdefault(self.threadName, 140_000_000_000_000 + 4096 * len(_thread_idents))
        self.processName = 'MainProcess'
        self.process = 4242

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">'%(self.name, self.levelno,
            self.pathname, self.lineno, self.msg)

    def getMessage(self):  #@ 368
        msg = str(self.msg)  #@ 375
        if self.args:
            msg = msg % self.args  #@ 377
        return msg


_logRecordFactory = LogRecord


def makeLogRecord(dict):
    rv = _logRecordFactory(None, None, "", 0, "", (), None, None)
    for key in dict:
        setattr(rv, key, dict[key])
    return rv


def _refuse_process_fields(fmt):
    for name in _refused_fields:
        for field in ('%(' + name + ')', '{' + name + '}', '{' + name + ':', '{' + name + '!'):
            if field in fmt:
                _unsupported("a record's " + name + " in a logging format (it differs from run to run)")


class PercentStyle(object):

    default_format = '%(message)s'
    asctime_format = '%(asctime)s'
    asctime_search = '%(asctime)'

    def __init__(self, fmt, *, defaults=None):
        self._fmt = fmt or self.default_format
        self._defaults = defaults
        _refuse_process_fields(self._fmt)

    def usesTime(self):
        return self._fmt.find(self.asctime_search) >= 0

    def validate(self):  #@ 435
        if not _percent_field_found(self._fmt):
            raise ValueError("Invalid format '%s' for '%s' style" % (self._fmt, self.default_format[0]))  #@ 438

    def _format(self, record):  #@ 440
        if defaults := self._defaults:
            values = defaults | record.__dict__
        else:
            values = record.__dict__
        return self._fmt % values  #@ 445

    def format(self, record):  #@ 447
        try:
            return self._format(record)  #@ 449
        except KeyError as e:
            raise ValueError('Formatting field not found in record: %s' % e)  #@ 451


# The pattern CPython searches a '%' format with: %(name) then flags, width, precision, conversion
def _percent_field_found(fmt):
    n = len(fmt)
    i = fmt.find('%(')
    while i >= 0:
        j = i + 2
        while j < n and (fmt[j].isalnum() or fmt[j] == '_'):
            j += 1
        if j > i + 2 and j < n and fmt[j] == ')':
            j += 1
            while j < n and fmt[j] in '#0+ -':
                j += 1
            if j < n and fmt[j] == '*':
                j += 1
            else:
                while j < n and fmt[j].isdigit():
                    j += 1
            if j + 1 < n and fmt[j] == '.' and (fmt[j + 1] == '*' or fmt[j + 1].isdigit()):
                j += 2
                if fmt[j - 1] != '*':
                    while j < n and fmt[j].isdigit():
                        j += 1
            if j < n and fmt[j].lower() in 'diouxefgcrsa%':
                return True
        i = fmt.find('%(', i + 1)
    return False


class StrFormatStyle(PercentStyle):
    default_format = '{message}'
    asctime_format = '{asctime}'
    asctime_search = '{asctime'

    def _format(self, record):  #@ 462
        if defaults := self._defaults:
            values = defaults | record.__dict__
        else:
            values = record.__dict__
        return self._fmt.format(**values)  #@ 467

    def validate(self):  #@ 469
        fields = set()
        try:
            for fieldname, spec, conversion in _format_fields(self._fmt):
                if fieldname:
                    if not _field_name_valid(fieldname):
                        raise ValueError('invalid field name/expression: %r' % fieldname)  #@ 476
                    fields.add(fieldname)
                if conversion and conversion not in 'rsa':
                    raise ValueError('invalid conversion: %r' % conversion)  #@ 479
                if spec and not _format_spec_valid(spec):
                    raise ValueError('bad specifier: %r' % spec)  #@ 481
        except ValueError as e:
            raise ValueError('invalid format: %s' % e)  #@ 483
        if not fields:
            raise ValueError('invalid format: no fields')  #@ 485


# string.Formatter().parse(fmt)'s fields: (name, spec, conversion). What it refuses (its ValueError,
# raised in string.py's frame) the engine refuses.
def _malformed(fmt):
    _unsupported("a malformed '{' format in logging (%r)" % fmt)


def _format_fields(fmt):
    fields = []
    n = len(fmt)
    i = 0
    while i < n:
        c = fmt[i]
        if c == '}':
            if i + 1 < n and fmt[i + 1] == '}':
                i += 2
                continue
            _malformed(fmt)
        if c != '{':
            i += 1
            continue
        if i + 1 < n and fmt[i + 1] == '{':
            i += 2
            continue
        depth = 1
        j = i + 1
        while j < n and depth:
            if fmt[j] == '{':
                depth += 1
            elif fmt[j] == '}':
                depth -= 1
            j += 1
        if depth:
            _malformed(fmt)
        field = fmt[i + 1:j - 1]
        if '{' in field:
            _unsupported("a nested field in logging's '{' format")
        conversion = None
        spec = ''
        colon = field.find(':')
        if colon >= 0:
            spec = field[colon + 1:]
            field = field[:colon]
        bang = field.find('!')
        if bang >= 0:
            conversion = field[bang + 1:]
            field = field[:bang]
            if len(conversion) != 1:
                _malformed(fmt)
        fields.append((field, spec, conversion))
        i = j
    return fields


def _is_word(text):
    return text != '' and all(c.isalnum() or c == '_' for c in text)


def _field_name_valid(name):
    if '.' in name or '[' in name:
        _unsupported("a field with an attribute or an index in logging's '{' format")
    return _is_word(name)


# CPython's pattern for a '{' field's spec: (.?[<>=^])?[+ -]?#?0?(\d+)?[,_]?(\.(\d+))?[bcdefgnosx%]?
def _format_spec_valid(spec):
    i = 0
    n = len(spec)
    if n >= 2 and spec[1] in '<>=^':
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        i = 1
    if i < n and spec[i] in '+ -':
        i += 1
    if i < n and spec[i] == '#':
        i += 1
    if i < n and spec[i] == '0':
        i += 1
    while i < n and spec[i].isdigit():
        i += 1
    if i < n and spec[i] in ',_':
        i += 1
    if i + 1 < n and spec[i] == '.' and spec[i + 1].isdigit():
        i += 1
        while i < n and spec[i].isdigit():
            i += 1
    if i < n and spec[i].lower() in 'bcdefgnosx%':
        i += 1
    return i == n


BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

_STYLES = {
    '%': (PercentStyle, BASIC_FORMAT),
    '{': (StrFormatStyle, '{levelname}:{name}:{message}'),
}


class Formatter(object):

    def __init__(self, fmt=None, datefmt=None, style='%', validate=True, *,  #@ 576
                 defaults=None):
        if style == '$':
            _unsupported("logging's '$' style (string.Template)")
        if style not in _STYLES:
            raise ValueError('Style must be one of: %s' % ','.join(  #@ 594
                             ('%', '{', '$')))
        self._style = _STYLES[style][0](fmt, defaults=defaults)
        if validate:
            self._style.validate()  #@ 598

        self._fmt = self._style._fmt
        self.datefmt = datefmt

    default_time_format = '%Y-%m-%d %H:%M:%S'
    default_msec_format = '%s,%03d'

    def formatTime(self, record, datefmt=None):
        if datefmt:
            s = _calendar_text(datefmt, record.created)
        else:
            s = _calendar_text(self.default_time_format, record.created)
            if self.default_msec_format:
                s = self.default_msec_format % (s, record.msecs)
        return s

    def formatException(self, ei):
        tb = ei[2]
        if isinstance(tb, traceback):
            s = tb._text
        else:
            s = _exception_text(ei[1], tb is not None)
        if s[-1:] == "\n":
            s = s[:-1]
        return s

    def usesTime(self):
        return self._style.usesTime()

    def formatMessage(self, record):  #@ 658
        return self._style.format(record)  #@ 659

    def formatStack(self, stack_info):
        return stack_info

    def format(self, record):  #@ 674
        record.message = record.getMessage()  #@ 687
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)  #@ 689
        s = self.formatMessage(record)  #@ 690
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = self.formatException(record.exc_info)  #@ 695
        if record.exc_text:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + record.exc_text
        if record.stack_info:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + self.formatStack(record.stack_info)
        return s


_defaultFormatter = Formatter()


class Filter(object):

    def __init__(self, name=''):  #@ 764
        self.name = name
        self.nlen = len(name)  #@ 773

    def filter(self, record):
        if self.nlen == 0:
            return True
        elif self.name == record.name:
            return True
        elif record.name.find(self.name, 0, self.nlen) != 0:  #@ 786
            return False
        return (record.name[self.nlen] == ".")  #@ 788


class Filterer(object):

    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        if not (filter in self.filters):  #@ 805
            self.filters.append(filter)

    def removeFilter(self, filter):
        if filter in self.filters:  #@ 812
            self.filters.remove(filter)

    def filter(self, record):  #@ 815
        rv = True
        for f in self.filters:
            if hasattr(f, 'filter'):
                result = f.filter(record)  #@ 830
            else:
                result = f(record) # assume callable - will raise if not  #@ 832
            if not result:
                rv = False
                break
        return rv


_handlers = {}


class Handler(Filterer):

    def __init__(self, level=NOTSET):  #@ 882
        Filterer.__init__(self)
        self._name = None
        self.level = _checkLevel(level)  #@ 889
        self.formatter = None
        self._closed = False

    def get_name(self):
        return self._name

    def set_name(self, name):
        if self._name in _handlers:
            del _handlers[self._name]
        self._name = name
        if name:
            _handlers[name] = self

    name = property(get_name, set_name)

    @property
    def lock(self):
        _unsupported("a logging handler's lock (a threading.RLock)")

    def createLock(self):
        _unsupported("a logging handler's lock (a threading.RLock)")

    def acquire(self):
        pass

    def release(self):
        pass

    def setLevel(self, level):  #@ 936
        self.level = _checkLevel(level)  #@ 940

    def format(self, record):  #@ 942
        if self.formatter:
            fmt = self.formatter
        else:
            fmt = _defaultFormatter
        return fmt.format(record)  #@ 953

    def emit(self, record):  #@ 955
        raise NotImplementedError('emit must be implemented '  #@ 962
                                  'by Handler subclasses')

    def handle(self, record):  #@ 965
        rv = self.filter(record)  #@ 974
        if rv:
            self.acquire()
            try:
                self.emit(record)  #@ 978
            finally:
                self.release()
        return rv

    def setFormatter(self, fmt):
        self.formatter = fmt

    def flush(self):
        pass

    def close(self):
        self._closed = True
        if self._name and self._name in _handlers:
            del _handlers[self._name]

    def handleError(self, record):
        if raiseExceptions and sys.stderr:
            _unsupported("a logging error (--- Logging error --- and its call stack)")

    def __repr__(self):
        level = getLevelName(self.level)
        return '<%s (%s)>' % (self.__class__.__name__, level)


class StreamHandler(Handler):

    terminator = '\n'

    def __init__(self, stream=None):
        Handler.__init__(self)
        if stream is None:
            stream = sys.stderr
        self.stream = stream

    def flush(self):  #@ 1087
        if self.stream and hasattr(self.stream, "flush"):
            self.stream.flush()  #@ 1094

    def emit(self, record):  #@ 1098
        try:
            msg = self.format(record)  #@ 1110
            stream = self.stream
            stream.write(msg + self.terminator)  #@ 1113
            self.flush()  #@ 1114
        except RecursionError:  # See issue 36272
            raise
        except Exception:
            self.handleError(record)

    def setStream(self, stream):
        if stream is self.stream:
            result = None
        else:
            result = self.stream
            self.flush()
            self.stream = stream
        return result

    def __repr__(self):
        level = getLevelName(self.level)
        name = getattr(self.stream, 'name', '')
        name = str(name)
        if name:
            name += ' '
        return '<%s %s(%s)>' % (self.__class__.__name__, name, level)


class NullHandler(Handler):

    def handle(self, record):
        pass

    def emit(self, record):
        pass

    def createLock(self):
        pass


class _StderrHandler(StreamHandler):

    def __init__(self, level=NOTSET):
        Handler.__init__(self, level)

    @property
    def stream(self):
        return sys.stderr


_defaultLastResort = _StderrHandler(WARNING)
lastResort = _defaultLastResort


class PlaceHolder(object):

    def __init__(self, alogger):
        self.loggerMap = { alogger : None }

    def append(self, alogger):
        if alogger not in self.loggerMap:
            self.loggerMap[alogger] = None


def getLoggerClass():
    return _loggerClass


class Manager(object):

    def __init__(self, rootnode):
        self.root = rootnode
        self.disable = 0
        self.emittedNoHandlerWarning = False
        self.loggerDict = {}
        self.loggerClass = None
        self.logRecordFactory = None

    @property
    def disable(self):
        return self._disable

    @disable.setter
    def disable(self, value):  #@ 1324
        self._disable = _checkLevel(value)  #@ 1325

    def getLogger(self, name):  #@ 1327
        rv = None
        if not isinstance(name, str):
            raise TypeError('A logger name must be a string')  #@ 1340
        if name in self.loggerDict:  #@ 1343
            rv = self.loggerDict[name]  #@ 1344
            if isinstance(rv, PlaceHolder):
                ph = rv
                rv = (self.loggerClass or _loggerClass)(name)
                rv.manager = self
                self.loggerDict[name] = rv
                self._fixupChildren(ph, rv)
                self._fixupParents(rv)
        else:
            rv = (self.loggerClass or _loggerClass)(name)
            rv.manager = self
            self.loggerDict[name] = rv
            self._fixupParents(rv)
        return rv

    def _fixupParents(self, alogger):  #@ 1378
        name = alogger.name
        i = name.rfind(".")  #@ 1384
        rv = None
        while (i > 0) and not rv:
            substr = name[:i]  #@ 1387
            if substr not in self.loggerDict:
                self.loggerDict[substr] = PlaceHolder(alogger)
            else:
                obj = self.loggerDict[substr]
                if isinstance(obj, Logger):
                    rv = obj
                else:
                    obj.append(alogger)
            i = name.rfind(".", 0, i - 1)  #@ 1397
        if not rv:
            rv = self.root
        alogger.parent = rv

    def _fixupChildren(self, ph, alogger):
        name = alogger.name
        namelen = len(name)
        for c in ph.loggerMap.keys():
            if c.parent.name[:namelen] != name:  #@ 1411
                alogger.parent = c.parent
                c.parent = alogger

    def _clear_cache(self):  #@ 1415
        for logger in self.loggerDict.values():
            if isinstance(logger, Logger):
                logger._cache.clear()  #@ 1424
        self.root._cache.clear()


class Logger(Filterer):

    def __init__(self, name, level=NOTSET):  #@ 1447
        Filterer.__init__(self)
        self.name = name
        self.level = _checkLevel(level)  #@ 1453
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False
        self._cache = {}

    def setLevel(self, level):  #@ 1460
        self.level = _checkLevel(level)  #@ 1464
        self.manager._clear_cache()

    def debug(self, msg, *args, **kwargs):  #@ 1467
        if self.isEnabledFor(DEBUG):
            self._log(DEBUG, msg, args, **kwargs)  #@ 1477

    def info(self, msg, *args, **kwargs):  #@ 1479
        if self.isEnabledFor(INFO):
            self._log(INFO, msg, args, **kwargs)  #@ 1489

    def warning(self, msg, *args, **kwargs):  #@ 1491
        if self.isEnabledFor(WARNING):
            self._log(WARNING, msg, args, **kwargs)  #@ 1501

    def error(self, msg, *args, **kwargs):  #@ 1508
        if self.isEnabledFor(ERROR):
            self._log(ERROR, msg, args, **kwargs)  #@ 1518

    def exception(self, msg, *args, exc_info=True, **kwargs):  #@ 1520
        self.error(msg, *args, exc_info=exc_info, **kwargs)  #@ 1524

    def critical(self, msg, *args, **kwargs):  #@ 1526
        if self.isEnabledFor(CRITICAL):
            self._log(CRITICAL, msg, args, **kwargs)  #@ 1536

    def fatal(self, msg, *args, **kwargs):  #@ 1538
        self.critical(msg, *args, **kwargs)  #@ 1542

    def log(self, level, msg, *args, **kwargs):  #@ 1544
        if not isinstance(level, int):
            if raiseExceptions:
                raise TypeError("level must be an integer")  #@ 1555
            else:
                return
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)  #@ 1559

    def findCaller(self, stack_info=False, stacklevel=1):  #@ 1561
        f = currentframe()  #@ 1566
        if stack_info:
            _unsupported("logging's stack_info=True")
        fn, lno, func = _logging_caller(stacklevel)
        return fn, lno, func, None

    def makeRecord(self, name, level, fn, lno, msg, args, exc_info,  #@ 1595
                   func=None, extra=None, sinfo=None):
        rv = _logRecordFactory(name, level, fn, lno, msg, args, exc_info, func,  #@ 1601
                             sinfo)
        if extra is not None:
            for key in extra:
                if (key in ["message", "asctime"]) or (key in rv.__dict__):
                    raise KeyError("Attempt to overwrite %r in LogRecord" % key)  #@ 1606
                setattr(rv, key, extra[key])
        return rv

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False,  #@ 1610
             stacklevel=1):
        fn, lno, func, sinfo = self.findCaller(stack_info, stacklevel)  #@ 1622
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, _traceback_now(exc_info))
            elif not isinstance(exc_info, tuple):
                exc = _handled_exception()
                exc_info = (None, None, None) if exc is None else (type(exc), exc, _traceback_now(exc))
        record = self.makeRecord(self.name, level, fn, lno, msg, args,  #@ 1632
                                 exc_info, func, extra, sinfo)
        self.handle(record)  #@ 1634

    def handle(self, record):  #@ 1636
        if (not self.disabled) and self.filter(record):  #@ 1643
            self.callHandlers(record)  #@ 1644

    def addHandler(self, hdlr):
        if not (hdlr in self.handlers):  #@ 1652
            self.handlers.append(hdlr)

    def removeHandler(self, hdlr):
        if hdlr in self.handlers:  #@ 1663
            self.handlers.remove(hdlr)

    def hasHandlers(self):
        c = self
        rv = False
        while c:
            if c.handlers:
                rv = True
                break
            if not c.propagate:
                break
            else:
                c = c.parent
        return rv

    def callHandlers(self, record):  #@ 1690
        c = self
        found = 0
        while c:
            for hdlr in c.handlers:
                found = found + 1
                if record.levelno >= hdlr.level:
                    hdlr.handle(record)  #@ 1706
            if not c.propagate:
                c = None    #break out
            else:
                c = c.parent
        if (found == 0):
            if lastResort:
                if record.levelno >= lastResort.level:
                    lastResort.handle(record)  #@ 1714
            elif raiseExceptions and not self.manager.emittedNoHandlerWarning:
                sys.stderr.write("No handlers could be found for logger"
                                 " \"%s\"\n" % self.name)
                self.manager.emittedNoHandlerWarning = True

    def getEffectiveLevel(self):  #@ 1720
        logger = self
        while logger:
            if logger.level:  #@ 1729
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):  #@ 1734
        if self.disabled:
            return False
        try:
            return self._cache[level]  #@ 1742
        except KeyError:
            if self.manager.disable >= level:  #@ 1746
                is_enabled = self._cache[level] = False
            else:
                is_enabled = self._cache[level] = (  #@ 1749
                    level >= self.getEffectiveLevel()  #@ 1750
                )
            return is_enabled

    def getChild(self, suffix):  #@ 1756
        if self.root is not self:
            suffix = '.'.join((self.name, suffix))  #@ 1772
        return self.manager.getLogger(suffix)  #@ 1773

    def __repr__(self):
        level = getLevelName(self.getEffectiveLevel())
        return '<%s %s (%s)>' % (self.__class__.__name__, self.name, level)


class RootLogger(Logger):

    def __init__(self, level):
        Logger.__init__(self, "root", level)


_loggerClass = Logger


class LoggerAdapter(object):

    def __init__(self, logger, extra=None):
        self.logger = logger
        self.extra = extra

    def process(self, msg, kwargs):
        kwargs["extra"] = self.extra
        return msg, kwargs

    def debug(self, msg, *args, **kwargs):  #@ 1839
        self.log(DEBUG, msg, *args, **kwargs)  #@ 1843

    def info(self, msg, *args, **kwargs):  #@ 1845
        self.log(INFO, msg, *args, **kwargs)  #@ 1849

    def warning(self, msg, *args, **kwargs):  #@ 1851
        self.log(WARNING, msg, *args, **kwargs)  #@ 1855

    def error(self, msg, *args, **kwargs):  #@ 1862
        self.log(ERROR, msg, *args, **kwargs)  #@ 1866

    def exception(self, msg, *args, exc_info=True, **kwargs):  #@ 1868
        self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)  #@ 1872

    def critical(self, msg, *args, **kwargs):  #@ 1874
        self.log(CRITICAL, msg, *args, **kwargs)  #@ 1878

    def log(self, level, msg, *args, **kwargs):  #@ 1880
        if self.isEnabledFor(level):
            msg, kwargs = self.process(msg, kwargs)  #@ 1886
            self.logger.log(level, msg, *args, **kwargs)  #@ 1887

    def isEnabledFor(self, level):  #@ 1889
        return self.logger.isEnabledFor(level)  #@ 1893

    def setLevel(self, level):  #@ 1895
        self.logger.setLevel(level)  #@ 1899

    def getEffectiveLevel(self):  #@ 1901
        return self.logger.getEffectiveLevel()  #@ 1905

    def hasHandlers(self):
        return self.logger.hasHandlers()

    @property
    def manager(self):
        return self.logger.manager

    @property
    def name(self):
        return self.logger.name

    def __repr__(self):
        logger = self.logger
        level = getLevelName(logger.getEffectiveLevel())
        return '<%s %s (%s)>' % (self.__class__.__name__, logger.name, level)


root = RootLogger(WARNING)
Logger.root = root
Logger.manager = Manager(Logger.root)
# What CPython's asyncio made when it was imported: its logger, and concurrent.futures' (their parent
# 'concurrent' a place holder)
Logger.manager.getLogger('concurrent.futures')
Logger.manager.getLogger('asyncio')


def basicConfig(**kwargs):  #@ 1953
    force = kwargs.pop('force', False)
    encoding = kwargs.pop('encoding', None)
    errors = kwargs.pop('errors', 'backslashreplace')
    if force:
        for h in root.handlers[:]:
            root.removeHandler(h)
            h.close()
    if len(root.handlers) == 0:
        handlers = kwargs.pop("handlers", None)
        if handlers is None:
            if "stream" in kwargs and "filename" in kwargs:
                raise ValueError("'stream' and 'filename' should not be "  #@ 2036
                                 "specified together")
        else:
            if "stream" in kwargs or "filename" in kwargs:
                raise ValueError("'stream' or 'filename' should not be "  #@ 2040
                                 "specified together with 'handlers'")
        if handlers is None:
            filename = kwargs.pop("filename", None)
            mode = kwargs.pop("filemode", 'a')
            if filename:
                _unsupported("logging to a file (basicConfig(filename=...))")
            else:
                stream = kwargs.pop("stream", None)
                h = StreamHandler(stream)
            handlers = [h]
        dfs = kwargs.pop("datefmt", None)
        style = kwargs.pop("style", '%')
        if style == '$':
            _unsupported("logging's '$' style (string.Template)")
        if style not in _STYLES:
            raise ValueError('Style must be one of: %s' % ','.join(  #@ 2059
                             ('%', '{', '$')))
        fs = kwargs.pop("format", _STYLES[style][1])
        fmt = Formatter(fs, dfs, style)  #@ 2062
        for h in handlers:
            if h.formatter is None:
                h.setFormatter(fmt)
            root.addHandler(h)
        level = kwargs.pop("level", None)
        if level is not None:
            root.setLevel(level)  #@ 2069
        if kwargs:
            keys = ', '.join(kwargs.keys())
            raise ValueError('Unrecognised argument(s): %s' % keys)  #@ 2072


def getLogger(name=None):  #@ 2081
    if not name or isinstance(name, str) and name == root.name:
        return root
    return Logger.manager.getLogger(name)  #@ 2089


def critical(msg, *args, **kwargs):  #@ 2091
    if len(root.handlers) == 0:
        basicConfig()  #@ 2098
    root.critical(msg, *args, **kwargs)  #@ 2099


def fatal(msg, *args, **kwargs):  #@ 2101
    critical(msg, *args, **kwargs)  #@ 2105


def error(msg, *args, **kwargs):  #@ 2107
    if len(root.handlers) == 0:
        basicConfig()  #@ 2114
    root.error(msg, *args, **kwargs)  #@ 2115


def exception(msg, *args, exc_info=True, **kwargs):  #@ 2117
    error(msg, *args, exc_info=exc_info, **kwargs)  #@ 2123


def warning(msg, *args, **kwargs):  #@ 2125
    if len(root.handlers) == 0:
        basicConfig()  #@ 2132
    root.warning(msg, *args, **kwargs)  #@ 2133


def info(msg, *args, **kwargs):  #@ 2140
    if len(root.handlers) == 0:
        basicConfig()  #@ 2147
    root.info(msg, *args, **kwargs)  #@ 2148


def debug(msg, *args, **kwargs):  #@ 2150
    if len(root.handlers) == 0:
        basicConfig()  #@ 2157
    root.debug(msg, *args, **kwargs)  #@ 2158


def log(level, msg, *args, **kwargs):  #@ 2160
    if len(root.handlers) == 0:
        basicConfig()  #@ 2167
    root.log(level, msg, *args, **kwargs)  #@ 2168


def disable(level=CRITICAL):  #@ 2170
    root.manager.disable = level  #@ 2174
    root.manager._clear_cache()


# A record of asyncio's own (its logger's, at a place in its files), made as CPython's asyncio makes it:
# the engine calls this where asyncio logs, when the program has imported logging
def _log_for_asyncio(level, msg, args, exc, pathname, lineno, func):
    logger = Logger.manager.getLogger('asyncio')
    if not logger.isEnabledFor(level):
        return
    exc_info = (type(exc), exc, _traceback_now(exc)) if exc is not None else None
    record = logger.makeRecord(logger.name, level, pathname, lineno, msg, args, exc_info, func)
    logger.handle(record)
