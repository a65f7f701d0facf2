"""Quarterly feedback is approved by the central team before it is published (principle 28)."""

from django.db import migrations

WORKFLOW = "Quarterly feedback approval"
TASK = "Central team approval"
CENTRAL_TEAM = "Central team"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    central_team, _ = Group.objects.get_or_create(name=CENTRAL_TEAM)
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(central_team)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    feedback_type, _ = ContentType.objects.get_or_create(app_label="iag", model="quarterlyfeedback")
    WorkflowContentType.objects.update_or_create(
        content_type=feedback_type, defaults={"workflow": workflow}
    )


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("iag", "0003_advice_register_feedback_gold_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
