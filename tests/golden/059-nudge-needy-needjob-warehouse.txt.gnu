corpus/059-nudge-needy-needjob-warehouse.txt:3:3: warning: 'really need this job' sounds needy; cut it and show confidence instead: restate what you would bring to the role, politely and once. [FollowUp.Needy]
corpus/059-nudge-needy-needjob-warehouse.txt:3:25: warning: 'Please, please' sounds needy; cut it and show confidence instead: restate what you would bring to the role, politely and once. [FollowUp.Needy]
# exit 0
