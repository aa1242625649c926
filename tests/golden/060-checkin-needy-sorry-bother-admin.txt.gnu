corpus/060-checkin-needy-sorry-bother-admin.txt:3:1: warning: 'Sorry to bother you' sounds needy; cut it and show confidence instead: restate what you would bring to the role, politely and once. [FollowUp.Needy]
corpus/060-checkin-needy-sorry-bother-admin.txt:3:32: warning: 'I hope I'm not being a pest' sounds needy; cut it and show confidence instead: restate what you would bring to the role, politely and once. [FollowUp.Needy]
# exit 0
