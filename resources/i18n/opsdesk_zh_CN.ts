<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../opsdesk/app.py" line="114"/>
        <source>No installed font can show Chinese, so Chinese text would appear as boxes. Install a Chinese font, for example the package {package} (Debian/Ubuntu: sudo apt install {package}), then restart OpsDesk.</source>
        <translation>系统中没有可显示中文的字体，中文将显示为方框。请安装中文字体，例如软件包 {package}（Debian/Ubuntu：sudo apt install {package}），然后重新启动 OpsDesk。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="130"/>
        <source>Welcome to OpsDesk. There is no plan yet.</source>
        <translation>欢迎使用 OpsDesk。目前还没有计划。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="141"/>
        <location filename="../../opsdesk/app.py" line="234"/>
        <source>Open an OpsDesk database</source>
        <translation>打开 OpsDesk 数据库</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="142"/>
        <location filename="../../opsdesk/app.py" line="235"/>
        <source>OpsDesk databases (*.db *.sample *.sqlite);;All files (*)</source>
        <translation>OpsDesk 数据库 (*.db *.sample *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="157"/>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="158"/>
        <source>New plan…</source>
        <translation>新建计划…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="159"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="170"/>
        <source>{path} cannot be written (read-only file or folder); it is open read-only.</source>
        <translation>{path} 无法写入（文件或文件夹为只读），已以只读方式打开。</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../opsdesk/ui/crash.py" line="58"/>
        <source>OpsDesk ran into an unexpected problem. Your data is safe: every change is saved as a whole or not at all.</source>
        <translation>OpsDesk 遇到了意外问题。您的数据是安全的：每项更改要么完整保存，要么完全不保存。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/crash.py" line="61"/>
        <source>The details were written to {path}.</source>
        <translation>详细信息已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../opsdesk/cli.py" line="19"/>
        <location filename="../../opsdesk/services/validate.py" line="14"/>
        <source>“{value}” is not a date; write it as YYYY-MM-DD, e.g. 2026-09-01.</source>
        <translation>“{value}”不是有效日期，请按 YYYY-MM-DD 格式填写，例如 2026-09-01。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli.py" line="20"/>
        <source>The database has no plan yet; make one with `opsdesk init`.</source>
        <translation>数据库中还没有计划，请使用 `opsdesk init` 创建。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli.py" line="156"/>
        <source>There is no plan {id}.</source>
        <translation>计划 {id} 不存在。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli.py" line="162"/>
        <source>Say who you are with --user LOGIN.</source>
        <translation>请使用 --user LOGIN 指明您的身份。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli.py" line="265"/>
        <source>“{value}” is not a size; write it as WIDTHxHEIGHT, e.g. 1280x800.</source>
        <translation>“{value}”不是有效尺寸，请按“宽x高”格式填写，例如 1280x800。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="21"/>
        <source>Something went wrong.</source>
        <translation>出错了。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="44"/>
        <source>The input is not valid.</source>
        <translation>输入无效。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="52"/>
        <source>You are not allowed to do this.</source>
        <translation>您无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="56"/>
        <source>The record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="62"/>
        <source>Someone else changed this task since you opened it. Reload it or overwrite their change.</source>
        <translation>您打开此任务后，其他人修改了它。请重新加载，或覆盖对方的修改。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="68"/>
        <source>Sign-in failed.</source>
        <translation>登录失败。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="74"/>
        <source>The database could not be used.</source>
        <translation>无法使用该数据库。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="78"/>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="82"/>
        <source>{path} is not an OpsDesk database.</source>
        <translation>{path} 不是 OpsDesk 数据库。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="86"/>
        <source>{path} is damaged and cannot be opened; restore a backup. The file was not changed.</source>
        <translation>{path} 已损坏，无法打开，请恢复备份。该文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="92"/>
        <source>{path} was written by a newer version of OpsDesk; it is open read-only. Update OpsDesk to change it.</source>
        <translation>{path} 由更高版本的 OpsDesk 写入，已以只读方式打开。如需修改，请更新 OpsDesk。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="99"/>
        <source>The database is busy: another program is writing to it. Try again in a moment.</source>
        <translation>数据库正忙：另一个程序正在写入。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="105"/>
        <source>The database is open read-only; changes cannot be saved.</source>
        <translation>数据库以只读方式打开，无法保存更改。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="111"/>
        <source>Updating the database to this version failed; it was left as it was. ({detail})</source>
        <translation>将数据库升级到此版本失败，数据库保持原样。（{detail}）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="117"/>
        <source>The backup failed: {detail}</source>
        <translation>备份失败：{detail}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpis.py" line="21"/>
        <source>“{value}” is not a number.</source>
        <translation>“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="16"/>
        <source>There is no active person with the login “{login}”.</source>
        <translation>没有登录名为“{login}”的在职人员。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="17"/>
        <source>The password for {login} is not correct.</source>
        <translation>{login} 的密码不正确。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="18"/>
        <source>{login} signs in with a password.</source>
        <translation>{login} 需要使用密码登录。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="19"/>
        <source>The login “{login}” is already taken.</source>
        <translation>登录名“{login}”已被占用。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="20"/>
        <source>There is already a role “{role}”.</source>
        <translation>岗位“{role}”已存在。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="21"/>
        <source>There is no role “{role}”.</source>
        <translation>岗位“{role}”不存在。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="22"/>
        <source>{name} is the last active manager; make someone else a manager first.</source>
        <translation>{name} 是最后一位在职经理，请先将其他人设为经理。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="9"/>
        <source>edit the plan (manager only)</source>
        <translation>编辑计划(仅限经理)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="10"/>
        <source>manage people and roles (manager only)</source>
        <translation>管理人员和岗位(仅限经理)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="11"/>
        <source>set KPI targets (manager only)</source>
        <translation>设置指标目标(仅限经理)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="12"/>
        <source>restore backups and import plans (manager only)</source>
        <translation>恢复备份和导入计划(仅限经理)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="13"/>
        <source>tick off or reopen this task (only its assignee, staff of its role when it is unassigned, or a manager)</source>
        <translation>勾选完成或重新打开此任务(仅限负责人、任务未分配时该岗位的人员或经理)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="16"/>
        <source>enter values for this KPI (only its owner role or a manager)</source>
        <translation>录入此指标的数值(仅限所属岗位或经理)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="18"/>
        <source>{name} may not {right}.</source>
        <translation>{name} 无权{right}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/plans.py" line="19"/>
        <source>A plan needs at least one phase.</source>
        <translation>计划至少需要一个阶段。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/plans.py" line="20"/>
        <source>The phase ends ({end}) before it starts ({start}).</source>
        <translation>阶段的结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="20"/>
        <source>A task cannot be placed under itself or under one of its own subtasks.</source>
        <translation>任务不能放在自身或其子任务之下。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="21"/>
        <source>Linking these tasks would make a loop: a task would wait for itself.</source>
        <translation>关联这些任务会形成循环：任务将等待它自己。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="22"/>
        <source>“{title}” is already done.</source>
        <translation>“{title}”已完成。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="23"/>
        <source>“{title}” is not done, so it cannot be reopened.</source>
        <translation>“{title}”尚未完成，无法重新打开。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="24"/>
        <source>The {label} does not belong to this plan.</source>
        <translation>该{label}不属于此计划。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="25"/>
        <source>There is no active person with id {id}.</source>
        <translation>没有 ID 为 {id} 的在职人员。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="26"/>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="27"/>
        <source>phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="28"/>
        <source>parent task</source>
        <translation>父任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="29"/>
        <source>role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="10"/>
        <source>The {label} must not be empty.</source>
        <translation>{label}不能为空。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="11"/>
        <source>The {label} is too long (at most {limit} characters).</source>
        <translation>{label}过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="12"/>
        <source>The {label} {value} is outside {low} … {high}.</source>
        <translation>{label} {value} 超出范围 {low} … {high}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="13"/>
        <source>The due date {due} is before the start date {start}.</source>
        <translation>截止日期 {due} 早于开始日期 {start}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="15"/>
        <source>“{value}” is not a valid {label}.</source>
        <translation>“{value}”不是有效的{label}。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="18"/>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="19"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="20"/>
        <source>login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="21"/>
        <source>start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="22"/>
        <source>due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="23"/>
        <source>launch date</source>
        <translation>上线日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="24"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="25"/>
        <source>priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="26"/>
        <source>comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="27"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="28"/>
        <source>day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/templates/loader.py" line="19"/>
        <source>The template {name} is not valid: {detail}</source>
        <translation>模板 {name} 无效：{detail}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/templates/loader.py" line="20"/>
        <source>There is no template “{name}”; available: {available}.</source>
        <translation>没有模板“{name}”；可用模板：{available}。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="12"/>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="13"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="14"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="15"/>
        <source>Blocked</source>
        <translation>受阻</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="16"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="23"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="24"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="25"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="26"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../opsdesk/ui/login/dialog.py" line="82"/>
        <source>Sign in to OpsDesk</source>
        <translation>登录 OpsDesk</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/login/dialog.py" line="83"/>
        <source>Who is working?</source>
        <translation>谁在使用？</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/login/dialog.py" line="84"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/login/dialog.py" line="88"/>
        <source>manager</source>
        <translation>经理</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="300"/>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="337"/>
        <source>OpsDesk — {db}</source>
        <translation>OpsDesk — {db}</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="vanished">概览</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="309"/>
        <location filename="../../opsdesk/ui/main_window.py" line="310"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="311"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="312"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="313"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="314"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="315"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="316"/>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="317"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="318"/>
        <source>&amp;New plan…</source>
        <translation>新建计划(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="319"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="320"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="321"/>
        <source>Undo &amp;history</source>
        <translation>撤销历史(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="322"/>
        <source>Undo history</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="323"/>
        <source>&lt;nothing done yet&gt;</source>
        <translation>&lt;尚无操作&gt;</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="324"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="325"/>
        <source>Switch &amp;user…</source>
        <translation>切换用户(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="326"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="327"/>
        <source>&amp;About OpsDesk</source>
        <translation>关于 OpsDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="333"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="340"/>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="342"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="352"/>
        <source>{name} (manager)</source>
        <translation>{name}(经理)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="353"/>
        <source>Signed in: </source>
        <translation>当前用户：</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="399"/>
        <source>About OpsDesk</source>
        <translation>关于 OpsDesk</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="400"/>
        <source>&lt;h3&gt;OpsDesk {version}&lt;/h3&gt;&lt;p&gt;Plans, tasks, milestones and KPIs for teams that launch and run online shops.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;OpsDesk {version}&lt;/h3&gt;&lt;p&gt;为开设和运营网店的团队管理计划、任务、里程碑和指标。&lt;/p&gt;&lt;p&gt;基于 MIT 许可证发布的自由软件。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="41"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="54"/>
        <source>the template&apos;s name</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="65"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="66"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="67"/>
        <source>Launch day</source>
        <translation>上线日</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="68"/>
        <source>Plan name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="69"/>
        <source>Your name (manager)</source>
        <translation>您的姓名(经理)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="70"/>
        <source>Your login</source>
        <translation>您的登录名</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="73"/>
        <source>New plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="76"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="77"/>
        <source>OpsDesk databases (*.db)</source>
        <translation>OpsDesk 数据库 (*.db)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="84"/>
        <source>{path} already exists; choose a new file.</source>
        <translation>{path} 已存在，请选择一个新文件。</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="110"/>
        <source>Phases</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="111"/>
        <source>Next milestones</source>
        <translation>近期里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="112"/>
        <source>Overdue work</source>
        <translation>逾期工作</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="113"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="113"/>
        <source>In</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="113"/>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="114"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="114"/>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="114"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="115"/>
        <source>Who</source>
        <translation>负责人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="145"/>
        <source>day %n since launch</source>
        <translation>
            <numerusform>上线第 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="147"/>
        <source>%n day(s) to launch</source>
        <translation>
            <numerusform>距上线还有 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="148"/>
        <source>Launch day {launch} · today {today} · {since}</source>
        <translation>上线日 {launch} · 今天 {today} · {since}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="153"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="154"/>
        <source>Launch</source>
        <translation>上线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="163"/>
        <source>open tasks (%n in progress)</source>
        <translation>
            <numerusform>未完成任务（%n 项进行中）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="165"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="167"/>
        <source>blocked</source>
        <translation>受阻</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="169"/>
        <source>tasks done</source>
        <translation>已完成任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="172"/>
        <source>no milestone ahead</source>
        <translation>暂无后续里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="174"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="205"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="174"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="205"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="220"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="175"/>
        <source>to the next milestone</source>
        <translation>距下一个里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="177"/>
        <source>milestones reached</source>
        <translation>已达成里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="188"/>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="190"/>
        <source>{done} of {total} tasks done ({pct}%)</source>
        <translation>已完成 {done}/{total} 个任务（{pct}%）</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="193"/>
        <source>{pct}% of the time passed</source>
        <translation>时间已过 {pct}%</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="195"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="211"/>
        <source>No milestone ahead</source>
        <translation>暂无后续里程碑</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="221"/>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="228"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… 还有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="230"/>
        <source>Nothing is overdue.</source>
        <translation>没有逾期工作。</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="108"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="108"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="108"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="109"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="109"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="110"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="110"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="111"/>
        <source>Part of</source>
        <translation>所属任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="114"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="115"/>
        <source>Subtasks and links</source>
        <translation>子任务与关联</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="116"/>
        <source>Conversation</source>
        <translation>讨论</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="117"/>
        <source>Write a comment… (Ctrl+Enter sends)</source>
        <translation>写评论…(Ctrl+Enter 发送)</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="118"/>
        <source>New comment</source>
        <translation>新评论</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="119"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="150"/>
        <source>This task no longer exists.</source>
        <translation>此任务已不存在。</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="159"/>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="162"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="167"/>
        <source>{who}, {when}</source>
        <translation>{who}，{when}</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="174"/>
        <source>Subtask</source>
        <translation>子任务</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="174"/>
        <source>After</source>
        <translation>前置</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="175"/>
        <source>Before</source>
        <translation>后续</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="194"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="194"/>
        <source>✓ Tick off</source>
        <translation>✓ 勾选完成</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="205"/>
        <source>Reopen “{title}”</source>
        <translation>重新打开“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="208"/>
        <source>Tick off “{title}”</source>
        <translation>勾选完成“{title}”</translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/tasks/panel.py" line="216"/>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <location filename="../../opsdesk/ui/views.py" line="35"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
</context>
</TS>
