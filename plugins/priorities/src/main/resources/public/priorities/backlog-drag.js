/*
 * The backlog tree's drag to reorder, and its keyboard way: "Move up" and "Move down" beside each item. Either way
 * asks why in an in-page dialog before posting the move to the rank API, since every rank change needs a reason in
 * the decision log. Without this script the tree keeps its rank form (a place and a reason) on every item.
 */
(function () {
  "use strict";

  var tree = document.querySelector("ul.backlog-tree[data-may-rank]");
  var dialog = document.getElementById("backlog-move");
  if (!tree || !dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var form = document.getElementById("backlog-move-form");
  var question = document.getElementById("backlog-move-question");
  var reason = document.getElementById("backlog-move-reason");
  var error = document.getElementById("backlog-move-error");
  var cancel = document.getElementById("backlog-move-cancel");
  var status = document.getElementById("backlog-move-status");
  var MOVED = "vitals.priorities.moved";
  var pending = null;
  var dragged = null;

  function items() {
    return Array.prototype.slice.call(tree.querySelectorAll("li[data-rank-url]"));
  }

  /** The items of the same level in the same list, in their order. */
  function siblings(li) {
    return Array.prototype.filter.call(li.parentElement.children, function (other) {
      return other.matches("li[data-rank-url]") && other.dataset.level === li.dataset.level;
    });
  }

  function ask(li, target, after, returnFocus) {
    pending = {
      li: li,
      url: li.dataset.rankUrl,
      body: after ? { after: Number(target.dataset.itemId) } : { before: Number(target.dataset.itemId) },
      returnFocus: returnFocus
    };
    question.textContent = "Move “" + li.dataset.title + "” " + (after ? "below" : "above") + " “"
        + target.dataset.title + "”?";
    reason.value = "";
    error.textContent = "";
    dialog.showModal();
    reason.focus();
  }

  function close() {
    dialog.close();
    var back = pending && pending.returnFocus;
    pending = null;
    if (back) {
      back.focus();
    }
  }

  function problemText(problem) {
    var text = problem.title || problem.detail || "The move was not saved.";
    (problem.errors || []).forEach(function (e) {
      text += " " + e.field + ": " + e.reason + ".";
    });
    return text;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!pending) {
      return;
    }
    var why = reason.value.trim();
    if (!why) {
      error.textContent = "Say why: every rank change keeps its reason in the decision log.";
      reason.focus();
      return;
    }
    var body = { reason: why };
    Object.keys(pending.body).forEach(function (k) { body[k] = pending.body[k]; });
    var moving = pending;
    fetch(moving.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json",
        "X-CSRF-Token": dialog.dataset.formToken || "" },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) {
          throw answer;
        }
        return answer;
      }, function () {
        throw { title: "The portal answered " + response.status + "." };
      });
    }).then(function (change) {
      sessionStorage.setItem(MOVED, JSON.stringify({ id: moving.li.dataset.itemId,
        text: "Moved “" + moving.li.dataset.title + "” from place " + change.from + " to " + change.to
            + "; the reason is in the decision log." }));
      window.location.reload();
    }).catch(function (problem) {
      error.textContent = problemText(problem || {});
      reason.focus();
    });
  });

  cancel.addEventListener("click", close);
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault();
    close();
  });

  items().forEach(function (li) {
    var row = li.querySelector(".backlog-row");
    li.setAttribute("draggable", "true");

    var buttons = document.createElement("span");
    buttons.className = "backlog-move-buttons";
    [["up", "Move up", -1], ["down", "Move down", 1]].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "backlog-move-" + spec[0];
      button.textContent = spec[1];
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = " " + li.dataset.title;
      button.appendChild(hidden);
      button.addEventListener("click", function () {
        var list = siblings(li);
        var target = list[list.indexOf(li) + spec[2]];
        if (target) {
          ask(li, target, spec[2] > 0, button);
        } else {
          status.textContent = "“" + li.dataset.title + "” is already " + (spec[2] < 0 ? "first" : "last")
              + " in its list.";
        }
      });
      buttons.appendChild(button);
    });
    row.appendChild(buttons);

    li.addEventListener("dragstart", function (event) {
      if (event.target !== li) {
        return;
      }
      event.stopPropagation();
      dragged = li;
      li.classList.add("backlog-dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", li.dataset.itemId);
    });
    li.addEventListener("dragend", function () {
      li.classList.remove("backlog-dragging");
      dragged = null;
      unmark();
    });
    li.addEventListener("dragover", function (event) {
      if (!dragged || dragged === li || dragged.dataset.level !== li.dataset.level) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = "move";
      var after = below(row, event);
      unmark();
      li.classList.add(after ? "backlog-drop-after" : "backlog-drop-before");
    });
    li.addEventListener("dragleave", function (event) {
      if (!li.contains(event.relatedTarget)) {
        li.classList.remove("backlog-drop-before", "backlog-drop-after");
      }
    });
    li.addEventListener("drop", function (event) {
      if (!dragged || dragged === li || dragged.dataset.level !== li.dataset.level) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      var moving = dragged;
      unmark();
      ask(moving, li, below(row, event), moving.querySelector(".backlog-move-up"));
    });
  });

  function below(row, event) {
    var box = row.getBoundingClientRect();
    return event.clientY > box.top + box.height / 2;
  }

  function unmark() {
    tree.querySelectorAll(".backlog-drop-before, .backlog-drop-after").forEach(function (el) {
      el.classList.remove("backlog-drop-before", "backlog-drop-after");
    });
  }

  var left = sessionStorage.getItem(MOVED);
  if (left) {
    sessionStorage.removeItem(MOVED);
    try {
      var moved = JSON.parse(left);
      status.textContent = moved.text;
      var li = document.getElementById("item-" + moved.id);
      if (li) {
        li.querySelector(".backlog-move-up").focus();
      }
    } catch (ignored) {
      // A message from another version of this script: nothing to announce.
    }
  }
}());
