//! The built-in types and exception classes, made once per VM.

use alloc::boxed::Box;
use alloc::vec;
use alloc::vec::Vec;

use crate::heap::{Heap, HeapFull};
use crate::intern::Interner;
use crate::native::Native;
use crate::objects::typeobj::{Layout, TypeObj};
use crate::objects::{self, Dict, Object};
use crate::value::{ObjRef, Value};

macro_rules! builtin_types {
    ($( $field:ident ),* $(,)?) => {
        /// Every built-in type object of a VM.
        #[derive(Clone, Copy, Debug)]
        pub struct BuiltinTypes {
            $( #[allow(missing_docs)] pub $field: ObjRef, )*
            /// The empty tuple (shared).
            pub empty_tuple: ObjRef,
        }

        impl BuiltinTypes {
            /// Every type object, for the collector's roots.
            pub fn all(&self) -> impl Iterator<Item = ObjRef> + '_ {
                [$( self.$field, )* self.empty_tuple].into_iter()
            }
        }
    };
}

builtin_types!(
    object,
    type_,
    int,
    bool,
    float,
    str,
    bytes,
    bytearray,
    list,
    tuple,
    dict,
    set,
    frozenset,
    range,
    slice,
    none_type,
    not_implemented_type,
    ellipsis_type,
    function,
    builtin_function,
    method_descriptor,
    method,
    module,
    code,
    cell,
    generator,
    lock,
    property,
    staticmethod,
    classmethod,
    super_,
    dict_keys,
    dict_values,
    dict_items,
    list_iterator,
    list_reverseiterator,
    tuple_iterator,
    str_iterator,
    bytes_iterator,
    range_iterator,
    dict_keyiterator,
    dict_valueiterator,
    dict_itemiterator,
    set_iterator,
    enumerate,
    zip,
    map,
    filter,
    reversed,
    callable_iterator,
    base_exception,
    exception,
    system_exit,
    keyboard_interrupt,
    generator_exit,
    arithmetic_error,
    overflow_error,
    zero_division_error,
    floating_point_error,
    assertion_error,
    attribute_error,
    buffer_error,
    eof_error,
    import_error,
    module_not_found_error,
    lookup_error,
    index_error,
    key_error,
    memory_error,
    name_error,
    unbound_local_error,
    os_error,
    timeout_error,
    runtime_error,
    not_implemented_error,
    recursion_error,
    stop_iteration,
    stop_async_iteration,
    syntax_error,
    indentation_error,
    tab_error,
    system_error,
    type_error,
    value_error,
    unicode_error,
    unicode_decode_error,
    unicode_encode_error,
    reference_error,
    warning,
    user_warning,
    deprecation_warning,
    runtime_warning,
);

/// Builds type objects.
struct Maker<'a> {
    heap: &'a mut Heap,
    interner: &'a mut Interner,
}

impl Maker<'_> {
    fn make(
        &mut self,
        name: &str,
        base: Option<ObjRef>,
        natives: &'static [Native],
        layout: Layout,
    ) -> Result<ObjRef, HeapFull> {
        let name = Value::Obj(self.interner.intern(self.heap, name)?);
        let mut mro = Vec::new();
        if let Some(b) = base
            && let Object::Type(t) = self.heap.get(b)
        {
            mro.extend_from_slice(&t.mro);
        }
        let t = TypeObj {
            name,
            qualname: name,
            module: Value::None,
            bases: base.into_iter().collect(),
            mro: Vec::new(),
            dict: Dict::new(),
            natives,
            layout,
            solid_base: None,
            builtin: true,
        };
        let r = self.heap.alloc(Object::Type(Box::new(t)))?;
        mro.insert(0, r);
        let solid = match layout {
            Layout::Builtin => Some(r),
            _ => None,
        };
        if let Object::Type(t) = self.heap.get_mut(r) {
            t.mro = mro;
            t.solid_base = solid;
        }
        Ok(r)
    }
}

impl BuiltinTypes {
    /// Make every built-in type on `heap`.
    pub fn create(heap: &mut Heap, interner: &mut Interner) -> Result<Self, HeapFull> {
        use objects::*;
        let mut m = Maker { heap, interner };
        let b = Layout::Builtin;
        let object = m.make("object", None, typeobj::OBJECT_METHODS, Layout::Plain)?;
        let o = Some(object);
        let type_ = m.make("type", o, typeobj::TYPE_METHODS, b)?;
        let int = m.make("int", o, int::INT_METHODS, b)?;
        let bool_ = m.make("bool", Some(int), int::BOOL_METHODS, b)?;
        let float = m.make("float", o, float::FLOAT_METHODS, b)?;
        let str_ = m.make("str", o, str::STR_METHODS, b)?;
        let bytes_ = m.make("bytes", o, bytes::BYTES_METHODS, b)?;
        let bytearray = m.make("bytearray", o, bytes::BYTEARRAY_METHODS, b)?;
        let list_ = m.make("list", o, list::LIST_METHODS, b)?;
        let tuple_ = m.make("tuple", o, tuple::TUPLE_METHODS, b)?;
        let dict_ = m.make("dict", o, dict::DICT_METHODS, b)?;
        let set_ = m.make("set", o, set::SET_METHODS, b)?;
        let frozenset = m.make("frozenset", o, set::FROZENSET_METHODS, b)?;
        let range_ = m.make("range", o, range::RANGE_METHODS, b)?;
        let slice = m.make("slice", o, iter::SLICE_METHODS, b)?;
        let single = typeobj::SINGLETON_METHODS;
        let none_type = m.make("NoneType", o, single, b)?;
        let not_implemented_type = m.make("NotImplementedType", o, single, b)?;
        let ellipsis_type = m.make("ellipsis", o, single, b)?;
        let function_ = m.make("function", o, function::FUNCTION_METHODS, b)?;
        let builtin_function = m.make("builtin_function_or_method", o, &[], b)?;
        let method_descriptor = m.make("method_descriptor", o, &[], b)?;
        let method = m.make("method", o, &[], b)?;
        let module_ = m.make("module", o, &[], b)?;
        let code = m.make("code", o, &[], b)?;
        let cell = m.make("cell", o, &[], b)?;
        let generator_ = m.make("generator", o, generator::GENERATOR_METHODS, b)?;
        let lock_ = m.make("lock", o, lock::LOCK_METHODS, b)?;
        let property = m.make("property", o, function::PROPERTY_METHODS, b)?;
        let staticmethod = m.make("staticmethod", o, function::STATICMETHOD_METHODS, b)?;
        let classmethod = m.make("classmethod", o, function::CLASSMETHOD_METHODS, b)?;
        let super_ = m.make("super", o, typeobj::SUPER_METHODS, b)?;
        let dict_keys = m.make("dict_keys", o, dict::VIEW_METHODS, b)?;
        let dict_values = m.make("dict_values", o, dict::VALUES_VIEW_METHODS, b)?;
        let dict_items = m.make("dict_items", o, dict::VIEW_METHODS, b)?;
        let it = iter::ITERATOR_METHODS;
        let list_iterator = m.make("list_iterator", o, it, b)?;
        let list_reverseiterator = m.make("list_reverseiterator", o, it, b)?;
        let tuple_iterator = m.make("tuple_iterator", o, it, b)?;
        let str_iterator = m.make("str_ascii_iterator", o, it, b)?;
        let bytes_iterator = m.make("bytes_iterator", o, it, b)?;
        let range_iterator = m.make("range_iterator", o, it, b)?;
        let dict_keyiterator = m.make("dict_keyiterator", o, it, b)?;
        let dict_valueiterator = m.make("dict_valueiterator", o, it, b)?;
        let dict_itemiterator = m.make("dict_itemiterator", o, it, b)?;
        let set_iterator = m.make("set_iterator", o, it, b)?;
        let enumerate = m.make("enumerate", o, iter::ENUMERATE_METHODS, b)?;
        let zip = m.make("zip", o, iter::ZIP_METHODS, b)?;
        let map = m.make("map", o, iter::MAP_METHODS, b)?;
        let filter = m.make("filter", o, iter::FILTER_METHODS, b)?;
        let reversed = m.make("reversed", o, iter::REVERSED_METHODS, b)?;
        let callable_iterator = m.make("callable_iterator", o, it, b)?;

        let e = Layout::Exception;
        let x = exception::BASE_EXCEPTION_METHODS;
        let base_exception = m.make("BaseException", o, x, e)?;
        let be = Some(base_exception);
        let exception_ = m.make("Exception", be, &[], e)?;
        let ex = Some(exception_);
        let system_exit = m.make("SystemExit", be, &[], e)?;
        let keyboard_interrupt = m.make("KeyboardInterrupt", be, &[], e)?;
        let generator_exit = m.make("GeneratorExit", be, &[], e)?;
        let arithmetic_error = m.make("ArithmeticError", ex, &[], e)?;
        let ar = Some(arithmetic_error);
        let overflow_error = m.make("OverflowError", ar, &[], e)?;
        let zero_division_error = m.make("ZeroDivisionError", ar, &[], e)?;
        let floating_point_error = m.make("FloatingPointError", ar, &[], e)?;
        let assertion_error = m.make("AssertionError", ex, &[], e)?;
        let attribute_error = m.make("AttributeError", ex, &[], e)?;
        let buffer_error = m.make("BufferError", ex, &[], e)?;
        let eof_error = m.make("EOFError", ex, &[], e)?;
        let import_error = m.make("ImportError", ex, &[], e)?;
        let module_not_found_error = m.make("ModuleNotFoundError", Some(import_error), &[], e)?;
        let lookup_error = m.make("LookupError", ex, &[], e)?;
        let index_error = m.make("IndexError", Some(lookup_error), &[], e)?;
        let key_error = m.make(
            "KeyError",
            Some(lookup_error),
            exception::KEY_ERROR_METHODS,
            e,
        )?;
        let memory_error = m.make("MemoryError", ex, &[], e)?;
        let name_error = m.make("NameError", ex, &[], e)?;
        let unbound_local_error = m.make("UnboundLocalError", Some(name_error), &[], e)?;
        let os_error = m.make("OSError", ex, &[], e)?;
        let timeout_error = m.make("TimeoutError", Some(os_error), &[], e)?;
        let runtime_error = m.make("RuntimeError", ex, &[], e)?;
        let not_implemented_error = m.make("NotImplementedError", Some(runtime_error), &[], e)?;
        let recursion_error = m.make("RecursionError", Some(runtime_error), &[], e)?;
        let stop_iteration = m.make("StopIteration", ex, &[], e)?;
        let stop_async_iteration = m.make("StopAsyncIteration", ex, &[], e)?;
        let syntax_error = m.make("SyntaxError", ex, &[], e)?;
        let indentation_error = m.make("IndentationError", Some(syntax_error), &[], e)?;
        let tab_error = m.make("TabError", Some(indentation_error), &[], e)?;
        let system_error = m.make("SystemError", ex, &[], e)?;
        let type_error = m.make("TypeError", ex, &[], e)?;
        let value_error = m.make("ValueError", ex, &[], e)?;
        let unicode_error = m.make("UnicodeError", Some(value_error), &[], e)?;
        let unicode_decode_error = m.make("UnicodeDecodeError", Some(unicode_error), &[], e)?;
        let unicode_encode_error = m.make("UnicodeEncodeError", Some(unicode_error), &[], e)?;
        let reference_error = m.make("ReferenceError", ex, &[], e)?;
        let warning = m.make("Warning", ex, &[], e)?;
        let w = Some(warning);
        let user_warning = m.make("UserWarning", w, &[], e)?;
        let deprecation_warning = m.make("DeprecationWarning", w, &[], e)?;
        let runtime_warning = m.make("RuntimeWarning", w, &[], e)?;
        let empty_tuple = m.heap.alloc(Object::Tuple(vec![].into_boxed_slice()))?;
        Ok(BuiltinTypes {
            object,
            type_,
            int,
            bool: bool_,
            float,
            str: str_,
            bytes: bytes_,
            bytearray,
            list: list_,
            tuple: tuple_,
            dict: dict_,
            set: set_,
            frozenset,
            range: range_,
            slice,
            none_type,
            not_implemented_type,
            ellipsis_type,
            function: function_,
            builtin_function,
            method_descriptor,
            method,
            module: module_,
            code,
            cell,
            generator: generator_,
            lock: lock_,
            property,
            staticmethod,
            classmethod,
            super_,
            dict_keys,
            dict_values,
            dict_items,
            list_iterator,
            list_reverseiterator,
            tuple_iterator,
            str_iterator,
            bytes_iterator,
            range_iterator,
            dict_keyiterator,
            dict_valueiterator,
            dict_itemiterator,
            set_iterator,
            enumerate,
            zip,
            map,
            filter,
            reversed,
            callable_iterator,
            base_exception,
            exception: exception_,
            system_exit,
            keyboard_interrupt,
            generator_exit,
            arithmetic_error,
            overflow_error,
            zero_division_error,
            floating_point_error,
            assertion_error,
            attribute_error,
            buffer_error,
            eof_error,
            import_error,
            module_not_found_error,
            lookup_error,
            index_error,
            key_error,
            memory_error,
            name_error,
            unbound_local_error,
            os_error,
            timeout_error,
            runtime_error,
            not_implemented_error,
            recursion_error,
            stop_iteration,
            stop_async_iteration,
            syntax_error,
            indentation_error,
            tab_error,
            system_error,
            type_error,
            value_error,
            unicode_error,
            unicode_decode_error,
            unicode_encode_error,
            reference_error,
            warning,
            user_warning,
            deprecation_warning,
            runtime_warning,
            empty_tuple,
        })
    }

    /// The type objects the `builtins` module exposes by name.
    pub fn named(&self) -> Vec<ObjRef> {
        vec![
            self.object,
            self.type_,
            self.int,
            self.bool,
            self.float,
            self.str,
            self.bytes,
            self.bytearray,
            self.list,
            self.tuple,
            self.dict,
            self.set,
            self.frozenset,
            self.range,
            self.slice,
            self.property,
            self.staticmethod,
            self.classmethod,
            self.super_,
            self.enumerate,
            self.zip,
            self.map,
            self.filter,
            self.reversed,
            self.base_exception,
            self.exception,
            self.system_exit,
            self.keyboard_interrupt,
            self.generator_exit,
            self.arithmetic_error,
            self.overflow_error,
            self.zero_division_error,
            self.floating_point_error,
            self.assertion_error,
            self.attribute_error,
            self.buffer_error,
            self.eof_error,
            self.import_error,
            self.module_not_found_error,
            self.lookup_error,
            self.index_error,
            self.key_error,
            self.memory_error,
            self.name_error,
            self.unbound_local_error,
            self.os_error,
            self.timeout_error,
            self.runtime_error,
            self.not_implemented_error,
            self.recursion_error,
            self.stop_iteration,
            self.stop_async_iteration,
            self.syntax_error,
            self.indentation_error,
            self.tab_error,
            self.system_error,
            self.type_error,
            self.value_error,
            self.unicode_error,
            self.unicode_decode_error,
            self.unicode_encode_error,
            self.reference_error,
            self.warning,
            self.user_warning,
            self.deprecation_warning,
            self.runtime_warning,
        ]
    }
}

#[cfg(test)]
mod tests {
    use crate::native::is_ordered;
    use crate::objects::*;

    #[test]
    fn method_tables_are_in_lookup_order() {
        let tables = [
            str::STR_METHODS,
            bytes::BYTES_METHODS,
            bytes::BYTEARRAY_METHODS,
            int::INT_METHODS,
            int::BOOL_METHODS,
            float::FLOAT_METHODS,
            list::LIST_METHODS,
            tuple::TUPLE_METHODS,
            dict::DICT_METHODS,
            dict::VIEW_METHODS,
            dict::VALUES_VIEW_METHODS,
            set::SET_METHODS,
            set::FROZENSET_METHODS,
            range::RANGE_METHODS,
            typeobj::SINGLETON_METHODS,
            iter::SLICE_METHODS,
            iter::ITERATOR_METHODS,
            iter::ENUMERATE_METHODS,
            iter::ZIP_METHODS,
            iter::MAP_METHODS,
            iter::FILTER_METHODS,
            iter::REVERSED_METHODS,
        ];
        for (i, t) in tables.iter().enumerate() {
            assert!(is_ordered(t), "table {i} is not in name_order");
        }
    }
}
