using CoProduction.Storage.InMemory;

namespace CoProduction.Core.Tests.Storage.InMemory;

public sealed class DeepCopierTests
{
    [Fact]
    public void Copy_GraphWithCollectionsArraysAndCycles_CopiesEverythingMutable()
    {
        var node = new Node { Name = "root", Values = [1, 2], Grid = new int[2, 2] };
        node.Children.Add(new Node { Name = "child", Parent = node });
        node.Lookup["a"] = new Node { Name = "looked up" };
        node.Grid[1, 1] = 7;

        var copy = DeepCopier.Copy(node);

        copy.Should().NotBeSameAs(node);
        copy.Children.Should().NotBeSameAs(node.Children);
        copy.Children[0].Parent.Should().BeSameAs(copy, "cycles are preserved within the copy");
        copy.Lookup["a"].Should().NotBeSameAs(node.Lookup["a"]);
        copy.Lookup["a"].Name.Should().Be("looked up");
        copy.Values.Should().NotBeSameAs(node.Values).And.Equal(1, 2);
        copy.Grid[1, 1].Should().Be(7);
        copy.Name.Should().BeSameAs(node.Name, "strings are immutable and shared");

        copy.Children[0].Name = "changed";
        copy.Grid[1, 1] = 0;
        node.Children[0].Name.Should().Be("child");
        node.Grid[1, 1].Should().Be(7);
    }

    private sealed class Node
    {
        public string Name { get; set; } = string.Empty;

        public Node? Parent { get; set; }

        public List<Node> Children { get; } = [];

        public Dictionary<string, Node> Lookup { get; } = new(StringComparer.OrdinalIgnoreCase);

        public int[] Values { get; set; } = [];

        public int[,] Grid { get; set; } = new int[0, 0];
    }
}
