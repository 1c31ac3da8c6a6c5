using Mono.Cecil;
using Mono.Cecil.Cil;

namespace PatientPortal.ArchitectureTests.Rules;

/// <summary>One type using another: <see cref="User"/> is the using type (or the assembly, for uses no type claims).</summary>
internal sealed record Dependency(string User, string Used, string UsedAssembly);

/// <summary>What an assembly's types use, read with Mono.Cecil: signatures, attributes and method bodies.</summary>
internal static class Dependencies
{
    /// <summary>
    /// Every type each type of the assembly uses. The assembly's type and member reference tables are added too, so
    /// nothing the compiler wrote escapes a rule; a use no type claims is put down to the assembly itself.
    /// </summary>
    public static IReadOnlyList<Dependency> Of(AssemblyDefinition assembly)
    {
        var module = assembly.MainModule;
        var dependencies = module.GetTypes()
            .SelectMany(type => UsedBy(type).Select(used => Of(NameOf(UserOf(type)), used)))
            .ToHashSet();

        var claimed = dependencies.Select(d => (d.Used, d.UsedAssembly)).ToHashSet();
        var unclaimed = assembly.CustomAttributes.Concat(module.CustomAttributes).SelectMany(TypesIn)
            .Concat(module.GetTypeReferences())
            .Concat(module.GetMemberReferences().Select(member => member.DeclaringType))
            .SelectMany(Flatten)
            .Select(used => Of(assembly.Name.Name, used))
            .Where(d => !claimed.Contains((d.Used, d.UsedAssembly)));
        dependencies.UnionWith(unclaimed);
        return [.. dependencies];
    }

    private static Dependency Of(string user, TypeReference used) => new(user, NameOf(used), AssemblyOf(used));

    private static string AssemblyOf(TypeReference type) => type.Scope switch
    {
        AssemblyNameReference reference => reference.Name,
        ModuleDefinition module => module.Assembly.Name.Name,
        var scope => scope.Name,
    };

    // Reflection's spelling of nested types (Outer+Inner), as in stack traces and Type.FullName.
    private static string NameOf(TypeReference type) => type.FullName.Replace('/', '+');

    // Lambdas, iterators and async methods compile to nested types named "<…>": their uses belong to the type that wrote them.
    private static TypeDefinition UserOf(TypeDefinition type) =>
        type.Name.StartsWith('<') && type.DeclaringType is { } outer ? UserOf(outer) : type;

    private static IEnumerable<TypeReference> UsedBy(TypeDefinition type)
    {
        var used = new List<TypeReference?> { type.BaseType };
        used.AddRange(type.Interfaces.Select(i => i.InterfaceType));
        used.AddRange(type.GenericParameters.SelectMany(p => p.Constraints).Select(c => c.ConstraintType));
        used.AddRange(type.CustomAttributes.SelectMany(TypesIn));
        foreach (var field in type.Fields)
        {
            used.Add(field.FieldType);
            used.AddRange(field.CustomAttributes.SelectMany(TypesIn));
        }

        foreach (var property in type.Properties)
        {
            used.Add(property.PropertyType);
            used.AddRange(property.CustomAttributes.SelectMany(TypesIn));
        }

        used.AddRange(type.Events.Select(e => e.EventType));
        used.AddRange(type.Methods.SelectMany(UsedBy));
        return used.SelectMany(Flatten);
    }

    private static IEnumerable<TypeReference?> UsedBy(MethodDefinition method)
    {
        var used = new List<TypeReference?>(SignatureOf(method));
        used.AddRange(method.CustomAttributes
            .Concat(method.MethodReturnType.CustomAttributes)
            .Concat(method.Parameters.SelectMany(p => p.CustomAttributes))
            .SelectMany(TypesIn));
        used.AddRange(method.GenericParameters.SelectMany(p => p.Constraints).Select(c => c.ConstraintType));
        used.AddRange(method.Overrides.SelectMany(SignatureOf));
        if (method.HasBody)
        {
            used.AddRange(method.Body.Variables.Select(v => v.VariableType));
            used.AddRange(method.Body.ExceptionHandlers.Select(h => h.CatchType));
            used.AddRange(method.Body.Instructions.SelectMany(i => TypesIn(i.Operand)));
        }

        return used;
    }

    private static IEnumerable<TypeReference?> TypesIn(object? operand) => operand switch
    {
        TypeReference type => [type],
        MethodReference method => SignatureOf(method),
        FieldReference field => [field.DeclaringType, field.FieldType],
        CallSite site => [site.ReturnType, .. site.Parameters.Select(p => p.ParameterType)],
        _ => [],
    };

    private static IEnumerable<TypeReference?> SignatureOf(MethodReference method)
    {
        IEnumerable<TypeReference> typeArguments = method is GenericInstanceMethod generic ? generic.GenericArguments : [];
        return [method.DeclaringType, method.ReturnType, .. method.Parameters.Select(p => p.ParameterType), .. typeArguments];
    }

    // The attribute itself, and any typeof(…) among its arguments.
    private static IEnumerable<TypeReference?> TypesIn(CustomAttribute attribute) =>
    [
        attribute.AttributeType,
        .. attribute.ConstructorArguments
            .Concat(attribute.Properties.Select(p => p.Argument))
            .Concat(attribute.Fields.Select(f => f.Argument))
            .SelectMany(TypesIn),
    ];

    private static IEnumerable<TypeReference?> TypesIn(CustomAttributeArgument argument) => argument.Value switch
    {
        TypeReference type => [type],
        CustomAttributeArgument boxed => TypesIn(boxed),
        CustomAttributeArgument[] items => items.SelectMany(TypesIn),
        _ => [],
    };

    /// <summary>The named types inside a type expression: List&lt;Foo[]&gt; is List`1 and Foo; Outer+Inner brings Outer too.</summary>
    private static IEnumerable<TypeReference> Flatten(TypeReference? type) => type switch
    {
        null or GenericParameter => [],
        GenericInstanceType generic => generic.GenericArguments.Prepend(generic.ElementType).SelectMany(Flatten),
        IModifierType modified => Flatten(modified.ElementType).Concat(Flatten(modified.ModifierType)),
        FunctionPointerType pointer => pointer.Parameters.Select(p => p.ParameterType).Prepend(pointer.ReturnType).SelectMany(Flatten),
        TypeSpecification specification => Flatten(specification.ElementType),
        _ => Flatten(type.DeclaringType).Prepend(type),
    };
}
