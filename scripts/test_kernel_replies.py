"""Unit tests of check_kernel_interrupt.reply with a scripted kernel client (no kernel needed): the reply to a cell is
the shell message whose parent is that cell's request, whatever else waits in the shell queue. The failure they guard:
a kernel that missed its first kernel_info_request answers the repeated requests late, and reading the first shell
message as the cell's reply raised KeyError: 'status'. Run by scripts/notebooks.sh before the live check.
"""
import queue
import unittest

from check_kernel_interrupt import reply


def message(msg_type, parent, content):
    return {"msg_type": msg_type, "parent_header": {"msg_id": parent}, "content": content}


class ScriptedClient:
    """Serves the given iopub and shell messages in order, then raises queue.Empty as a quiet channel does."""

    def __init__(self, iopub, shell):
        self.iopub = list(iopub)
        self.shell = list(shell)

    def get_iopub_msg(self, timeout):
        if not self.iopub:
            raise queue.Empty
        return self.iopub.pop(0)

    def get_shell_msg(self, timeout):
        if not self.shell:
            raise queue.Empty
        return self.shell.pop(0)


class ReplyTest(unittest.TestCase):
    def test_late_kernel_info_replies_are_skipped(self):
        client = ScriptedClient(
            iopub=[message("status", "info-1", {"execution_state": "idle"}),
                   message("execute_result", "cell", {"data": {"text/plain": "42"}}),
                   message("status", "cell", {"execution_state": "idle"})],
            shell=[message("kernel_info_reply", "info-1", {"protocol_version": "5.3"}),
                   message("kernel_info_reply", "info-2", {"status": "ok"}),
                   message("execute_reply", "cell", {"status": "ok"})])
        self.assertEqual(reply(client, "cell", 5), ("ok", "42"))

    def test_an_error_is_reported_with_what_the_cell_showed(self):
        client = ScriptedClient(
            iopub=[message("error", "cell", {"ename": "RunInterruptedException", "evalue": "was interrupted after step 7"}),
                   message("status", "cell", {"execution_state": "idle"})],
            shell=[message("execute_reply", "cell", {"status": "error"})])
        self.assertEqual(reply(client, "cell", 5), ("error", "RunInterruptedException: was interrupted after step 7"))

    def test_no_reply_to_the_cell_is_none(self):
        client = ScriptedClient(
            iopub=[message("status", "cell", {"execution_state": "idle"})],
            shell=[message("kernel_info_reply", "info-1", {"status": "ok"})])
        self.assertEqual(reply(client, "cell", 0.5), (None, ""))


if __name__ == "__main__":
    unittest.main()
