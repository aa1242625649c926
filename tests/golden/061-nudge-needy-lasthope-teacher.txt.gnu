corpus/061-nudge-needy-lasthope-teacher.txt:3:87: warning: 'my last hope' sounds needy; cut it and show confidence instead: restate what you would bring to the role, politely and once. [FollowUp.Needy]
corpus/061-nudge-needy-lasthope-teacher.txt:3:115: warning: 'I will do anything' sounds needy; cut it and show confidence instead: restate what you would bring to the role, politely and once. [FollowUp.Needy]
# exit 0
