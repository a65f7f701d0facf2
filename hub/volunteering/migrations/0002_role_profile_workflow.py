"""Role profiles are approved by the borough's steering group before they are published (the
guide for units: "The profile must be approved by the MVP Steering Group before a volunteer can
be assigned to it")."""

from django.db import migrations

WORKFLOW = "Role profile approval"
TASK = "Steering group approval"
STEERING_GROUP = "Steering group members"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    SteeringGroupApprovalTask = apps.get_model("volunteering", "SteeringGroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    steering_group, _ = Group.objects.get_or_create(name=STEERING_GROUP)
    task_type, _ = ContentType.objects.get_or_create(
        app_label="volunteering", model="steeringgroupapprovaltask"
    )
    task, _ = SteeringGroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(steering_group)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    profile_type, _ = ContentType.objects.get_or_create(
        app_label="volunteering", model="roleprofile"
    )
    WorkflowContentType.objects.update_or_create(
        content_type=profile_type, defaults={"workflow": workflow}
    )


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("volunteering", "0001_volunteer_programme"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
