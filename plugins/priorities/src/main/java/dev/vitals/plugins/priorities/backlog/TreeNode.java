package dev.vitals.plugins.priorities.backlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An item of a backlog tree with its children, each level in rank order.
 *
 * @param item the item
 * @param children its children of the same owner
 */
public record TreeNode(Item item, List<TreeNode> children) {

    /**
     * @param owner the owner
     * @param roots its themes, and items whose parent belongs to another owner
     */
    public record Tree(String owner, List<TreeNode> roots) {
    }

    /** @param items one owner's items, each level in rank order @return them nested under their parents */
    public static List<TreeNode> of(List<Item> items) {
        Map<Long, TreeNode> byId = new HashMap<>();
        for (Item item : items) {
            byId.put(item.id(), new TreeNode(item, new ArrayList<>()));
        }
        List<TreeNode> roots = new ArrayList<>();
        for (Item item : items) {
            TreeNode node = byId.get(item.id());
            TreeNode parent = item.parent() == null ? null : byId.get(item.parent());
            if (parent == null) {
                roots.add(node);
            } else {
                parent.children().add(node);
            }
        }
        return roots;
    }
}
