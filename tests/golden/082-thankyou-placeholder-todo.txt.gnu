corpus/082-thankyou-placeholder-todo.txt:3:57: error: 'TODO' looks like a leftover from a template; replace it with the real name, company or detail before sending. [FollowUp.Placeholder]
# exit 1
